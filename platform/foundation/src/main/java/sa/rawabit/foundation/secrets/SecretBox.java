package sa.rawabit.foundation.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Seals an association's credentials (a WhatsApp Business token) with AES-256-GCM before
 * they reach the database, and opens them only where they are used. The association's id
 * is authenticated data: a sealed value copied into another association's row does not
 * open. Layout: 12-byte nonce, then the ciphertext with its tag.
 */
public final class SecretBox {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	private SecretBox(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("rawabit.secrets.key must be 32 bytes, base64-encoded");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * @param base64Key 32 random bytes, base64 ({@code openssl rand -base64 32})
	 */
	public static SecretBox of(String base64Key) {
		return new SecretBox(Base64.getDecoder().decode(base64Key.strip()));
	}

	public byte[] seal(TenantId tenant, String secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, tenant, secret.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
	}

	/**
	 * @throws IllegalStateException when the value was sealed with another key or for
	 * another association
	 */
	public String open(TenantId tenant, byte[] sealed) {
		ByteBuffer buffer = ByteBuffer.wrap(sealed);
		byte[] nonce = new byte[NONCE_BYTES];
		buffer.get(nonce);
		byte[] body = new byte[buffer.remaining()];
		buffer.get(body);
		return new String(run(Cipher.DECRYPT_MODE, nonce, tenant, body), StandardCharsets.UTF_8);
	}

	private byte[] run(int mode, byte[] nonce, TenantId tenant, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(tenant.value().toString().getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"A sealed credential could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
							+ "; is rawabit.secrets.key the same in both apps?",
					ex);
		}
	}

}

package sa.rawabit.admin.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.identity.StaffAccount;
import sa.rawabit.admin.tenants.Association;
import sa.rawabit.foundation.tenancy.TenantContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export as one JSON document written while it is read, one row at a time:
 * {@code {"association":…,"staff":[…],"tables":{"app.x":[row,…],…},"exportedAt":"…","sha256":"…"}}.
 * The checksum covers every byte before {@code exportedAt} as sent, so offboarding can
 * read the same again, keeping nothing, and compare.
 */
@Component
class ExportDocument {

	private final TenantData data;

	private final JsonMapper json;

	private final Clock clock;

	ExportDocument(TenantData data, JsonMapper json, Clock clock) {
		this.data = data;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The document; {@code first} runs in the transaction that reads the rows, before
	 * them.
	 */
	Flux<byte[]> write(Association association, List<StaffAccount> staff, Mono<Void> first) {
		return Flux.defer(() -> {
			MessageDigest digest = newDigest();
			return Flux.concat(Mono.just(bytes("{")), content(association, staff, first).doOnNext(digest::update),
					Mono.fromSupplier(() -> bytes(",\"exportedAt\":\"" + clock.instant() + "\",\"sha256\":\""
							+ HexFormat.of().formatHex(digest.digest()) + "\"}")));
		});
	}

	/**
	 * The checksum the document would carry now: what offboarding compares the operator's
	 * with.
	 */
	Mono<String> sha256(Association association, List<StaffAccount> staff) {
		return content(association, staff, Mono.empty()).reduceWith(ExportDocument::newDigest, (digest, chunk) -> {
			digest.update(chunk);
			return digest;
		}).map(digest -> HexFormat.of().formatHex(digest.digest()));
	}

	private Flux<byte[]> content(Association association, List<StaffAccount> staff, Mono<Void> first) {
		return Flux.concat(
				Mono.fromSupplier(() -> bytes("\"association\":" + json.writeValueAsString(association) + ",\"staff\":"
						+ json.writeValueAsString(staff) + ",\"tables\":")),
				data.tablesJson(first).map(ExportDocument::bytes).contextWrite(TenantContext.of(association.id())));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
		}
	}

}

package sa.rawabit.foundation.proxies;

import java.net.InetAddress;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 block in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare
 * address is a block of one.
 */
public record AddressRange(byte[] network, int prefix) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	public static AddressRange parse(String cidr) {
		String text = cidr.strip();
		int slash = text.indexOf('/');
		InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
		if (address == null) {
			throw new IllegalArgumentException("Not an address block: '" + cidr + "'");
		}
		byte[] bytes = address.getAddress();
		int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
		if (prefix < 0 || prefix > bytes.length * 8) {
			throw new IllegalArgumentException("Prefix out of range in '" + cidr + "'");
		}
		return new AddressRange(bytes, prefix);
	}

	/**
	 * An IP address written literally ({@code 192.0.2.1}, {@code 2001:db8::1},
	 * {@code [2001:db8::1]}), never a host name: resolving names a client wrote would
	 * block and let the client choose what is looked up.
	 */
	public static @Nullable InetAddress literal(String text) {
		String bare = text.strip();
		if (bare.startsWith("[") && bare.endsWith("]")) {
			bare = bare.substring(1, bare.length() - 1);
		}
		if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(bare);
		}
		catch (java.net.UnknownHostException malformed) {
			return null;
		}
	}

	public boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != network.length) {
			return false;
		}
		int whole = prefix / 8;
		for (int i = 0; i < whole; i++) {
			if (candidate[i] != network[i]) {
				return false;
			}
		}
		int rest = prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (candidate[whole] & mask) == (network[whole] & mask);
	}
}

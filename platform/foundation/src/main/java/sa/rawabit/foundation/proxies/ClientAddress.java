package sa.rawabit.foundation.proxies;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address as a rate-limit key: an IPv4 address as is, an IPv6 address by its
 * /64 — one household or phone gets a whole /64, so keying by the full address would give
 * it 2^64 buckets.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	/**
	 * After {@link TrustedProxiesWebFilter}: the connection's peer, or the client a
	 * trusted proxy named.
	 */
	public static String key(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : key(remote.getAddress());
	}

	public static String key(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] network = Arrays.copyOf(address.getAddress(), 16);
			Arrays.fill(network, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(network).getHostAddress() + "/64";
			}
			catch (java.net.UnknownHostException impossible) {
				throw new IllegalStateException(impossible);
			}
		}
		return address.getHostAddress();
	}

}

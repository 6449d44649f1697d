package sa.rawabit.foundation.proxies;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import reactor.core.publisher.Mono;

/**
 * Runs before everything else. From a listed proxy, the client is the right-most address
 * in the header the proxies maintain ({@code X-Forwarded-For}, or {@code Forwarded}'s
 * {@code for=}) that is not itself a listed proxy — proxies append, so anything left of
 * that was written by the client and is ignored — and the scheme and host are the
 * forwarded ones. The other header kind is removed first: a proxy that maintains one
 * passes the other through from the client untouched. From anyone else all forwarded
 * headers are removed, so a client cannot choose its own address (and with it a fresh
 * rate-limit bucket) or the host redirects are built on. Spring Boot's
 * {@code server.forward-headers-strategy} stays {@code none}: both of its strategies
 * believe any sender.
 */
public final class TrustedProxiesWebFilter implements WebFilter, Ordered {

	private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for=\"?([^\";,]+)\"?");

	private final List<AddressRange> trusted;

	private final ForwardedHeaderTransformer apply = new ForwardedHeaderTransformer();

	private final ForwardedHeaderTransformer remove = new ForwardedHeaderTransformer();

	private final boolean rfc7239;

	/**
	 * @param rfc7239 whether the proxies maintain {@code Forwarded} (else
	 * {@code X-Forwarded-*})
	 */
	public TrustedProxiesWebFilter(List<AddressRange> trusted, boolean rfc7239) {
		this.trusted = List.copyOf(trusted);
		this.rfc7239 = rfc7239;
		this.remove.setRemoveOnly(true);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		InetSocketAddress peer = request.getRemoteAddress();
		if (peer == null || peer.getAddress() == null || !isTrusted(peer.getAddress())) {
			ServerHttpRequest removed = remove.apply(request);
			// Without forwarded headers (the request of a client that reaches the replica
			// directly) the exchange goes on as it came: a mutated one is a decorator
			// every later read of the request goes through.
			return chain.filter(removed == request ? exchange : exchange.mutate().request(removed).build());
		}
		ServerHttpRequest maintained = request.mutate().headers(headers -> {
			if (rfc7239) {
				headers.headerNames()
					.stream()
					.filter(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("x-forwarded-"))
					.toList()
					.forEach(headers::remove);
			}
			else {
				headers.remove("Forwarded");
			}
		}).build();
		InetAddress client = client(maintained, peer.getAddress());
		ServerHttpRequest forwarded = apply.apply(maintained)
			.mutate()
			.remoteAddress(new InetSocketAddress(client, 0))
			.build();
		return chain.filter(exchange.mutate().request(forwarded).build());
	}

	private InetAddress client(ServerHttpRequest request, InetAddress peer) {
		List<String> hops = hops(request);
		InetAddress client = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			InetAddress hop = AddressRange.literal(stripPort(hops.get(i)));
			if (hop == null) {
				return client;
			}
			client = hop;
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return client;
	}

	private static List<String> hops(ServerHttpRequest request) {
		List<String> hops = new ArrayList<>();
		List<String> forwarded = request.getHeaders().get("Forwarded");
		if (forwarded != null && !forwarded.isEmpty()) {
			for (String value : forwarded) {
				Matcher matcher = FORWARDED_FOR.matcher(value);
				while (matcher.find()) {
					hops.add(matcher.group(1));
				}
			}
			return hops;
		}
		List<String> xff = request.getHeaders().get("X-Forwarded-For");
		if (xff != null) {
			xff.forEach(value -> {
				for (String hop : value.split(",")) {
					if (!hop.isBlank()) {
						hops.add(hop.strip());
					}
				}
			});
		}
		return hops;
	}

	/**
	 * {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} without the port; a bare IPv6
	 * address unchanged.
	 */
	private static String stripPort(String hop) {
		if (hop.startsWith("[")) {
			int close = hop.indexOf(']');
			return close < 0 ? hop : hop.substring(0, close + 1);
		}
		int colon = hop.indexOf(':');
		return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
	}

	boolean isTrusted(@Nullable InetAddress address) {
		return address != null && trusted.stream().anyMatch(range -> range.contains(address));
	}

	/**
	 * Spring's filter chain names a checkpoint after each filter on every request: a
	 * constant name allocates nothing (the default is a fresh {@code Class@hash} string).
	 */
	@Override
	public String toString() {
		return "TrustedProxiesWebFilter";
	}

}

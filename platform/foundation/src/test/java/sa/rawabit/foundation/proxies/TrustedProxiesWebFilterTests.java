package sa.rawabit.foundation.proxies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Who the client is: forwarded headers count only from the listed proxies, read from the
 * right.
 */
class TrustedProxiesWebFilterTests {

	static final List<AddressRange> PROXIES = List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("fd00::/8"));

	final TrustedProxiesWebFilter filter = new TrustedProxiesWebFilter(PROXIES, false);

	@Test
	void forwardedWhenPeerNotTrustedThenIgnoredAndRemoved() {
		ServerWebExchange seen = through(MockServerHttpRequest.get("http://app/public/x")
			.remoteAddress(new InetSocketAddress("203.0.113.7", 5000))
			.header("Forwarded", "for=198.51.100.1;proto=https;host=evil.example")
			.header("X-Forwarded-For", "198.51.100.2"));
		assertThat(ClientAddress.key(seen)).isEqualTo("203.0.113.7");
		assertThat(seen.getRequest().getHeaders().containsHeader("Forwarded")).isFalse();
		assertThat(seen.getRequest().getHeaders().containsHeader("X-Forwarded-For")).isFalse();
		assertThat(seen.getRequest().getURI().getHost()).isEqualTo("app");
	}

	@Test
	void noForwardedHeadersWhenPeerNotTrustedThenTheExchangeGoesOnAsItCame() {
		MockServerWebExchange direct = MockServerWebExchange
			.from(MockServerHttpRequest.post("http://app/api/complaints")
				.remoteAddress(new InetSocketAddress("203.0.113.7", 5000)));
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();

		StepVerifier.create(filter.filter(direct, exchange -> {
			seen.set(exchange);
			return Mono.empty();
		})).verifyComplete();

		assertThat(seen.get()).isSameAs(direct);
		assertThat(ClientAddress.key(seen.get())).isEqualTo("203.0.113.7");
	}

	@Test
	void forwardedWhenPeerTrustedThenRightMostUntrustedHopIsTheClient() {
		// The client wrote "198.51.100.9" itself; the proxy appended the address it saw.
		ServerWebExchange seen = through(MockServerHttpRequest.get("http://app/public/x")
			.remoteAddress(new InetSocketAddress("10.1.2.3", 5000))
			.header("X-Forwarded-For", "198.51.100.9, 203.0.113.7, 10.9.9.9")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "rawabit.example"));
		assertThat(ClientAddress.key(seen)).isEqualTo("203.0.113.7");
		assertThat(seen.getRequest().getURI().toString()).startsWith("https://rawabit.example/");
	}

	@Test
	void forwardedHostWhenPeerTrustedThenRedirectsKeepTheBalancersPort() {
		ServerWebExchange seen = through(MockServerHttpRequest.get("http://127.0.0.1:41000/policy")
			.remoteAddress(new InetSocketAddress("10.1.2.3", 5000))
			.header("X-Forwarded-Proto", "http")
			.header("X-Forwarded-Host", "localhost:8080"));
		assertThat(seen.getRequest().getURI().toString()).isEqualTo("http://localhost:8080/policy");
	}

	@Test
	void forwardedWhenClientSendsItThroughAnXForwardedProxyThenIgnored() {
		// nginx appends to X-Forwarded-For and passes the client's own Forwarded header
		// through untouched.
		ServerWebExchange seen = through(MockServerHttpRequest.get("http://app/")
			.remoteAddress(new InetSocketAddress("10.1.2.3", 5000))
			.header("Forwarded", "for=198.51.100.1;host=evil.example")
			.header("X-Forwarded-For", "203.0.113.7"));
		assertThat(ClientAddress.key(seen)).isEqualTo("203.0.113.7");
		assertThat(seen.getRequest().getURI().getHost()).isEqualTo("app");
	}

	@Test
	void forwardedHeaderWhenProxiesMaintainItThenReadWithPortsAndBrackets() {
		ServerWebExchange seen = through(new TrustedProxiesWebFilter(PROXIES, true),
				MockServerHttpRequest.get("http://app/")
					.remoteAddress(new InetSocketAddress("fd00::1", 5000))
					.header("Forwarded", "for=198.51.100.9, for=\"[2001:db8:1:2:3:4:5:6]:4711\""));
		assertThat(ClientAddress.key(seen)).isEqualTo("2001:db8:1:2:0:0:0:0/64");
	}

	@Test
	void ipv6WhenSameSlash64ThenOneKey() {
		assertThat(ClientAddress.key(new InetSocketAddress("2001:db8:aa:bb:1::1", 0).getAddress()))
			.isEqualTo(ClientAddress.key(new InetSocketAddress("2001:db8:aa:bb:ffff::9", 0).getAddress()))
			.isNotEqualTo(ClientAddress.key(new InetSocketAddress("2001:db8:aa:bc::1", 0).getAddress()));
	}

	@Test
	void hostNameWhenForwardedThenNeverResolvedAndPeerStays() {
		ServerWebExchange seen = through(MockServerHttpRequest.get("http://app/")
			.remoteAddress(new InetSocketAddress("10.1.2.3", 5000))
			.header("X-Forwarded-For", "attacker.example"));
		assertThat(ClientAddress.key(seen)).isEqualTo("10.1.2.3");
	}

	private ServerWebExchange through(MockServerHttpRequest.BaseBuilder<?> request) {
		return through(filter, request);
	}

	private static ServerWebExchange through(TrustedProxiesWebFilter filter,
			MockServerHttpRequest.BaseBuilder<?> request) {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		filter.filter(MockServerWebExchange.from(request), exchange -> {
			seen.set(exchange);
			return Mono.empty();
		}).block();
		return seen.get();
	}

}

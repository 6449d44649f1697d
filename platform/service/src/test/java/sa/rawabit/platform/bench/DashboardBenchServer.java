package sa.rawabit.platform.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import sa.rawabit.foundation.security.RawabitSecurity;

/**
 * {@link BenchServer} for {@link DashboardBenchmark}: the same replica, plus one chain
 * that lets the simulated pages fetch {@code /dashboard/sections} with the benchmark's
 * bearer token instead of a Keycloak session (the benchmark measures the dashboard, not
 * sign-in). Same arguments as BenchServer.
 */
public final class DashboardBenchServer {

	private DashboardBenchServer() {
	}

	public static void main(String[] args) {
		System.setProperty("spring.main.sources", SectionsByToken.class.getName());
		BenchServer.main(args);
	}

	/**
	 * Before the pages' chain: the sections fragment, authenticated as the API is.
	 * Registered only through {@code spring.main.sources} above and deliberately not a
	 * {@code @Configuration}: the test contexts scan this package, and there the chain
	 * took {@code /dashboard/sections} from the pages' chain (it worked only while the
	 * API chain still read the page session).
	 */
	static class SectionsByToken {

		@Bean
		@Order(-1)
		SecurityWebFilterChain benchSections(ServerHttpSecurity http, RawabitSecurity rawabit) {
			return rawabit.apply(http.securityMatcher(RawabitSecurity.path("/dashboard/sections")))
				.authorizeExchange(exchange -> exchange.anyExchange().authenticated())
				.build();
		}

	}

}

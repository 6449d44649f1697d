package sa.rawabit.foundation.security;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import sa.rawabit.foundation.database.DatabaseAutoConfiguration;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemAutoConfiguration;
import sa.rawabit.foundation.problem.ProblemDetailsHandler;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/** The shared pieces each plane's {@code SecurityWebFilterChain} is built from. */
@AutoConfiguration(after = { DatabaseAutoConfiguration.class, ProblemAutoConfiguration.class },
		beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration")
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

	@Bean
	TenantGate tenantGate(Transactions transactions, DatabaseClient database, SecurityProperties properties) {
		return new TenantGate(transactions, database, properties.tenantStatusCache());
	}

	/**
	 * Issuer, audience and expiry, checked on every token. The issuer's keys are fetched on first use,
	 * not at start-up, so either plane starts while Keycloak is still starting.
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuer()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(properties.clockSkew()),
				new JwtIssuerValidator(properties.issuer()), new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						audiences -> audiences != null && audiences.contains(properties.audience()))));
		return decoder;
	}

	/**
	 * Spring Security's firewall refuses encoded NUL, {@code ..%2F} and the like in the path; this answers the
	 * refusal as a problem like every other error instead of an empty 400.
	 */
	@Bean
	ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemDetailsHandler problems) {
		return (exchange, rejected) -> problems.handle(exchange, new ProblemException(ProblemType.BAD_REQUEST,
				"The address contains characters or sequences that are not allowed",
				"يحتوي العنوان على محارف أو تسلسلات غير مسموح بها", "path"));
	}

	@Bean
	RawabitSecurity rawabitSecurity(TenantGate gate, ProblemDetailsHandler problems) {
		return new RawabitSecurity(new TenantScopeWebFilter(gate), problems);
	}
}

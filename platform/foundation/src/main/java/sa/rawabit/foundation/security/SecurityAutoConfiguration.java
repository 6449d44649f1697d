package sa.rawabit.foundation.security;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.client.oidc.server.session.InMemoryReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import sa.rawabit.foundation.database.DatabaseAutoConfiguration;
import sa.rawabit.foundation.limits.Limit;
import sa.rawabit.foundation.limits.LimitsAutoConfiguration;
import sa.rawabit.foundation.limits.RateLimiter;
import sa.rawabit.foundation.redis.RedisAutoConfiguration;
import sa.rawabit.foundation.sessions.EndSessionsLogoutHandler;
import sa.rawabit.foundation.sessions.RedisOidcSessionRegistry;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemAutoConfiguration;
import sa.rawabit.foundation.problem.ProblemDetailsHandler;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/** The shared pieces each plane's {@code SecurityWebFilterChain} is built from. */
@AutoConfiguration(
		after = { DatabaseAutoConfiguration.class, ProblemAutoConfiguration.class, LimitsAutoConfiguration.class,
				RedisAutoConfiguration.class },
		beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration")
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

	/**
	 * The HTTP server observation already times and counts every request; Spring
	 * Security's own wrapped each of its filters, its authentication and its
	 * authorization in observations of their own (6% of the intake's samples in the
	 * stream benchmark's JFR profile) that no metric or trace of ours reads.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Security chains without a checkpoint per filter ({@link PlainFilterChains}). */
	@Bean
	static BeanPostProcessor plainSecurityFilterChains() {
		return PlainFilterChains.installer();
	}

	@Bean
	TenantGate tenantGate(Transactions transactions, DatabaseClient database, SecurityProperties properties) {
		return new TenantGate(transactions, database, properties.tenantStatusCache());
	}

	/**
	 * Issuer, audience and expiry, checked on every token. The issuer's keys are fetched
	 * on first use, not at start-up, so either plane starts while Keycloak is still
	 * starting. A token that passed is remembered until it expires
	 * ({@link RememberedJwtDecoder}).
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuer()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(properties.clockSkew()),
				new JwtIssuerValidator(properties.issuer()), new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						audiences -> audiences != null && audiences.contains(properties.audience()))));
		return new RememberedJwtDecoder(decoder, RememberedJwtDecoder.CAPACITY, Clock.systemUTC());
	}

	/**
	 * Spring Security's firewall refuses encoded NUL, {@code ..%2F} and the like in the
	 * path, and control or unassigned characters in a header it is asked for; this
	 * answers the refusal as a problem like every other error, naming the path or the
	 * header, instead of an empty 400.
	 */
	@Bean
	ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemDetailsHandler problems) {
		// Which rule refused the exchange, the firewall says only in its message.
		return (exchange, rejected) -> problems.handle(exchange,
				String.valueOf(rejected.getMessage()).startsWith("The request was rejected because the header")
						? new ProblemException(ProblemType.BAD_REQUEST,
								"A request header contains characters that are not allowed",
								"تحتوي إحدى ترويسات الطلب على محارف غير مسموح بها", "header")
						: new ProblemException(ProblemType.BAD_REQUEST,
								"The address contains characters or sequences that are not allowed",
								"يحتوي العنوان على محارف أو تسلسلات غير مسموح بها", "path"));
	}

	/**
	 * The strict firewall Spring Security would make itself, with its header rules
	 * checked by a loop ({@link HeaderCharacters}) rather than its regular expressions.
	 */
	@Bean
	ServerWebExchangeFirewall strictFirewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
		firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
		return firewall;
	}

	@Bean
	MemberRevocations memberRevocations(Transactions transactions, DatabaseClient database,
			SecurityProperties properties) {
		return new MemberRevocations(transactions, database, properties.revocationCache());
	}

	/**
	 * A plane that reads policies declares its own: the built-in roles and those its
	 * policies declare.
	 */
	@Bean
	@ConditionalOnMissingBean
	KnownRoles knownRoles() {
		return KnownRoles.BUILT_IN_ONLY;
	}

	/**
	 * A plane that lets a suspended association's staff read something declares its own.
	 */
	@Bean
	@ConditionalOnMissingBean
	WhileSuspended whileSuspended() {
		return WhileSuspended.NOTHING;
	}

	@Bean
	RawabitSecurity rawabitSecurity(TenantGate gate, MemberRevocations revocations, ProblemDetailsHandler problems,
			RateLimiter limiter, SecurityProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis,
			ObjectProvider<WebSessionManager> sessions, KnownRoles known, WhileSuspended whileSuspended,
			ReactiveJwtDecoder decoder) {
		ReactiveOidcSessionRegistry registry = redis.getIfAvailable() == null
				? new InMemoryReactiveOidcSessionRegistry()
				: new RedisOidcSessionRegistry(redis.getObject(), properties.sessionLifetime());
		// The session manager is created later than the security chains, and only its
		// store is needed at logout.
		ServerLogoutHandler backChannel = (exchange,
				authentication) -> new EndSessionsLogoutHandler(registry,
						((DefaultWebSessionManager) sessions.getObject()).getSessionStore())
					.logout(exchange, authentication);
		var signIn = new SignInLimitWebFilter(limiter,
				new Limit("sign-in", properties.signInCapacity(), properties.signInRefill()), problems);
		return new RawabitSecurity(
				new TenantScopeWebFilter(gate, revocations, properties.sessionLifetime(), known, whileSuspended),
				problems, signIn, registry, backChannel, decoder);
	}

}

package sa.rawabit.foundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What the resource server answered, from one filter: tokens without an association (a
 * platform operator's), so the tenant scope needs no database here; the scoping itself is
 * tested end to end against Keycloak ({@code SecurityE2ETests}).
 */
class BearerAuthenticationTests {

	final List<AuthenticationException> refused = new ArrayList<>();

	final List<Authentication> passedOn = new ArrayList<>();

	final ReactiveJwtDecoder decoder = token -> "good".equals(token) ? Mono.just(operator(token))
			: Mono.error(new BadJwtException("Signed by someone else"));

	final BearerAuthentication filter = filter(decoder, false);

	final WebFilterChain chain = exchange -> ReactiveSecurityContextHolder.getContext()
		.map(SecurityContext::getAuthentication)
		.doOnNext(passedOn::add)
		.then();

	@Test
	void filterWhenValidTokenThenTheChainRunsAsTheStaffMember() {
		StepVerifier.create(filter.filter(with("Bearer good"), chain)).verifyComplete();
		assertThat(refused).isEmpty();
		assertThat(passedOn).singleElement().isInstanceOfSatisfying(StaffAuthentication.class, staff -> {
			assertThat(staff.getPrincipal().username()).isEqualTo("operator@example.org");
			assertThat(staff.getPrincipal().roles()).isEqualTo(Set.of(StaffMember.PLATFORM_OPERATOR));
			assertThat(staff.credential().issuedAt()).isEqualTo(ISSUED);
		});
	}

	@Test
	void filterWhenTheDecoderHandsBackTheSameTokenThenItIsConvertedOnceAndAFreshDecodeAnew() {
		Jwt remembered = operator("good");
		Jwt fresh = operator("good");
		List<Jwt> decoded = new ArrayList<>(List.of(remembered, remembered, fresh));
		BearerAuthentication remembering = filter(token -> Mono.just(decoded.removeFirst()), false);

		for (int call = 0; call < 3; call++) {
			StepVerifier.create(remembering.filter(with("Bearer good"), chain)).verifyComplete();
		}

		assertThat(passedOn).hasSize(3)
			.extracting(staff -> ((StaffAuthentication) staff).original())
			.satisfies(originals -> {
				assertThat(originals.get(1)).as("the same remembered token").isSameAs(originals.get(0));
				assertThat(((JwtAuthenticationToken) originals.get(0)).getToken()).isSameAs(remembered);
				assertThat(((JwtAuthenticationToken) originals.get(2)).getToken()).as("decoded anew, converted anew")
					.isSameAs(fresh);
			});
		assertThat(passedOn).allSatisfy(staff -> assertThat(((StaffAuthentication) staff).getPrincipal().username())
			.isEqualTo("operator@example.org"));
	}

	@Test
	void filterWhenNoBearerTokenThenTheChainRunsUnauthenticated() {
		var called = new ArrayList<Boolean>();
		StepVerifier
			.create(filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/me")),
					exchange -> ReactiveSecurityContextHolder.getContext().hasElement().doOnNext(called::add).then()))
			.verifyComplete();
		assertThat(called).containsExactly(false);
		assertThat(refused).isEmpty();
	}

	@Test
	void filterWhenRequiredAndNoBearerTokenThenRefusedAndTheChainNeverRuns() {
		StepVerifier.create(required().filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/me")), chain))
			.verifyComplete();
		assertThat(refused).singleElement().isInstanceOf(AuthenticationCredentialsNotFoundException.class);
		assertThat(passedOn).isEmpty();
	}

	@Test
	void filterWhenRequiredAndAnAuthenticationAlreadyInTheContextThenItIsScopedAndPassedOn() {
		var mock = new JwtAuthenticationToken(operator("mock"), List.of());
		StepVerifier
			.create(required().filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/me")), chain)
				.contextWrite(ReactiveSecurityContextHolder.withAuthentication(mock)))
			.verifyComplete();
		assertThat(refused).isEmpty();
		assertThat(passedOn).singleElement()
			.isInstanceOfSatisfying(StaffAuthentication.class,
					staff -> assertThat(staff.getPrincipal().username()).isEqualTo("operator@example.org"));
	}

	@Test
	void filterWhenRequiredAndValidTokenThenPassedOn() {
		StepVerifier.create(required().filter(with("Bearer good"), chain)).verifyComplete();
		assertThat(refused).isEmpty();
		assertThat(passedOn).singleElement().isInstanceOf(StaffAuthentication.class);
	}

	private BearerAuthentication required() {
		return filter(decoder, true);
	}

	/** Refusals are recorded in {@link #refused} instead of answered. */
	private BearerAuthentication filter(ReactiveJwtDecoder decoder, boolean required) {
		return new BearerAuthentication(decoder,
				new TenantScopeWebFilter(null, null, Duration.ofHours(8), KnownRoles.BUILT_IN_ONLY,
						WhileSuspended.NOTHING),
				(exchange, failure) -> Mono.fromRunnable(() -> refused.add(failure)), required);
	}

	@Test
	void filterWhenTokenRefusedThenTheEntryPointAnswersAndTheChainNeverRuns() {
		StepVerifier.create(filter.filter(with("Bearer forged"), chain)).verifyComplete();
		assertThat(refused).singleElement().satisfies(failure -> {
			assertThat(failure).isInstanceOf(InvalidBearerTokenException.class);
			assertThat(failure).hasMessage("Signed by someone else");
		});
		assertThat(passedOn).isEmpty();
	}

	@Test
	void filterWhenHeaderMalformedThenTheEntryPointAnswersAndTheChainNeverRuns() {
		StepVerifier.create(filter.filter(with("Bearer a b"), chain)).verifyComplete();
		assertThat(refused).singleElement().satisfies(failure -> assertThat(failure).hasMessageContaining("malformed"));
		assertThat(passedOn).isEmpty();
	}

	@Test
	void filterWhenTheDecoderAnswersNothingThenRefusedNotPassedOn() {
		var silent = filter(token -> Mono.empty(), false);
		StepVerifier.create(silent.filter(with("Bearer good"), chain)).verifyComplete();
		assertThat(refused).hasSize(1);
		assertThat(passedOn).isEmpty();
	}

	@Test
	void filterWhenTheChainFailsThenItsErrorIsNotTakenForARefusal() {
		StepVerifier
			.create(filter.filter(with("Bearer good"),
					exchange -> Mono.error(new BadCredentialsException("from a controller"))))
			.verifyErrorMessage("from a controller");
		assertThat(refused).isEmpty();
	}

	private static final Instant ISSUED = Instant.parse("2026-12-05T08:00:00Z");

	private static Jwt operator(String token) {
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("operator-1")
			.claim("preferred_username", "operator@example.org")
			.claim("realm_access", java.util.Map.of("roles", List.of(StaffMember.PLATFORM_OPERATOR, "offline_access")))
			.issuedAt(ISSUED)
			.expiresAt(ISSUED.plusSeconds(300))
			.build();
	}

	private static MockServerWebExchange with(String authorization) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/me").header(HttpHeaders.AUTHORIZATION, authorization));
	}

}

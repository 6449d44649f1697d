package sa.rawabit.foundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.test.StepVerifier;

/** The same answers as Spring Security's converter, header only. */
class BearerTokensTests {

	final BearerTokens tokens = new BearerTokens();

	@Test
	void convertWhenBearerHeaderThenTheTokenInFullWithItsPadding() {
		StepVerifier.create(tokens.convert(with("Bearer eyJ.a-b_c~d+e/f.g==")))
			.assertNext(token -> assertThat(((BearerTokenAuthenticationToken) token).getToken())
				.isEqualTo("eyJ.a-b_c~d+e/f.g=="))
			.verifyComplete();
		StepVerifier.create(tokens.convert(with("bearer abc")))
			.assertNext(token -> assertThat(((BearerTokenAuthenticationToken) token).getToken()).isEqualTo("abc"))
			.verifyComplete();
	}

	@Test
	void convertWhenNoBearerHeaderThenNothingEvenWithATokenInTheQuery() {
		var query = MockServerWebExchange.from(MockServerHttpRequest.get("/api/me?access_token=abc"));
		StepVerifier.create(tokens.convert(query)).verifyComplete();
		StepVerifier.create(tokens.convert(with("Basic dXNlcjpwYXNz"))).verifyComplete();
	}

	@Test
	void convertWhenBearerHeaderIsMalformedThenInvalidToken() {
		for (String malformed : new String[] { "Bearer", "Bearer ", "Bearerabc", "Bearer a b", "Bearer a=b",
				"Bearer ===", "Bearer ab\u0000c", "Bearer تذكرة" }) {
			StepVerifier.create(tokens.convert(with(malformed)))
				.expectErrorSatisfies(error -> assertThat(error).as(malformed)
					.isInstanceOf(OAuth2AuthenticationException.class)
					.extracting(failure -> ((OAuth2AuthenticationException) failure).getError().getErrorCode())
					.isEqualTo("invalid_token"))
				.verify();
		}
	}

	private static MockServerWebExchange with(String authorization) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/me").header(HttpHeaders.AUTHORIZATION, authorization));
	}

}

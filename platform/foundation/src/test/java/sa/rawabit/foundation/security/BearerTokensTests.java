package sa.rawabit.foundation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** The same answers as Spring Security's converter, header only. */
class BearerTokensTests {

	@Test
	void readWhenBearerHeaderThenTheTokenInFullWithItsPadding() {
		assertThat(BearerTokens.read(with("Bearer eyJ.a-b_c~d+e/f.g=="))).isEqualTo("eyJ.a-b_c~d+e/f.g==");
		assertThat(BearerTokens.read(with("bearer abc"))).isEqualTo("abc");
	}

	@Test
	void readWhenNoBearerHeaderThenNothingEvenWithATokenInTheQuery() {
		assertThat(BearerTokens.read(MockServerWebExchange.from(MockServerHttpRequest.get("/api/me?access_token=abc"))))
			.isNull();
		assertThat(BearerTokens.read(with("Basic dXNlcjpwYXNz"))).isNull();
	}

	@Test
	void readWhenBearerHeaderIsMalformedThenInvalidToken() {
		for (String malformed : new String[] { "Bearer", "Bearer ", "Bearerabc", "Bearer a b", "Bearer a=b",
				"Bearer ===", "Bearer ab\u0000c", "Bearer تذكرة" }) {
			assertThatExceptionOfType(OAuth2AuthenticationException.class).as(malformed)
				.isThrownBy(() -> BearerTokens.read(with(malformed)))
				.extracting(failure -> failure.getError().getErrorCode())
				.isEqualTo("invalid_token");
		}
	}

	private static MockServerWebExchange with(String authorization) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/me").header(HttpHeaders.AUTHORIZATION, authorization));
	}

}

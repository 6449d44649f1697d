package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.platform.PlatformTest;

/**
 * {@code GET /stream} is the pages' stream, on the pages' chain: without a session it
 * sends the browser to sign in instead of streaming. Delivery over a real session is
 * covered in the browser (DashboardBrowserTests).
 */
class PageStreamTests extends PlatformTest {

	@Autowired
	WebTestClient web;

	@Test
	void pageStreamWhenNoSessionThenRedirectedToSignInNotStreamed() {
		var result = web.get().uri("/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange().returnResult(String.class);

		assertThat(result.getStatus().is3xxRedirection() || result.getStatus().value() == 401).isTrue();
		assertThat(result.getResponseHeaders().getContentType()).isNotEqualTo(MediaType.TEXT_EVENT_STREAM);
	}

}

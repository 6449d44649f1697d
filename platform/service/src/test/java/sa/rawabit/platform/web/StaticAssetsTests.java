package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import sa.rawabit.platform.PlatformTest;

/**
 * The pages' own files (assets of this module and of the foundation, htmx from its
 * webjar) are served, and they are the only addresses looked up as files: an address no
 * controller answers is a 404 without a search of the classpath (see
 * {@code rawabit-defaults.yml}).
 */
class StaticAssetsTests extends PlatformTest {

	@Autowired
	WebTestClient web;

	@Autowired
	ApplicationContext context;

	@Test
	void assetsWhenAskedThenServedFromTheirFoldersAndNoOtherAddressIsAFile() {
		for (String asset : new String[] { "/assets/rawabit.css", "/assets/public.css", "/assets/live.js",
				"/webjars/htmx.org/2.0.10/dist/htmx.min.js" }) {
			web.get()
				.uri(asset)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.consumeWith(body -> assertThat(body.getResponseBody()).as(asset).isNotEmpty());
		}

		assertThat(context.getBeansOfType(SimpleUrlHandlerMapping.class)
			.values()
			.stream()
			.flatMap(mapping -> mapping.getUrlMap().keySet().stream())).as("the addresses served as files")
			.contains("/assets/**", "/webjars/**")
			.doesNotContain("/**");
	}

}

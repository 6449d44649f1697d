package sa.rawabit.foundation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import sa.rawabit.foundation.time.TimeProperties;

class RendersPagesTests {

	@Test
	void modelWhenAPageControllerThenTheLayoutsAttributesAndWhenAnApiThenNone() {
		WebTestClient client = WebTestClient.bindToController(new Page(), new Api())
			.controllerAdvice(new PageModelAdvice(new TimeProperties(ZoneId.of("Asia/Riyadh"))))
			.build();

		client.get().uri("/page").exchange().expectBody(String.class).isEqualTo("page=true dates=true");
		client.get().uri("/api").exchange().expectBody(String.class).isEqualTo("page=false dates=false");
	}

	@Test
	void startWhenAPageControllerDoesNotRenderPagesThenRefusedNamingIt() {
		pages().withBean(Unmarked.class)
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(Unmarked.class.getName())
				.hasMessageContaining("RendersPages"));
	}

	@Test
	void startWhenPageControllersRenderPagesThenStarts() {
		pages().withBean(Page.class)
			.withBean(Api.class)
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(Page.class));
	}

	private static ApplicationContextRunner pages() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PagesAutoConfiguration.class))
			.withBean(TimeProperties.class, () -> new TimeProperties(ZoneId.of("Asia/Riyadh")));
	}

	private static String attributes(Model model) {
		return "page=" + model.containsAttribute("page") + " dates=" + model.containsAttribute("dates");
	}

	@PageController
	static class Page implements RendersPages {

		@GetMapping("/page")
		@ResponseBody
		String page(Model model) {
			return attributes(model);
		}

	}

	@RestController
	static class Api {

		@GetMapping("/api")
		String api(Model model) {
			return attributes(model);
		}

	}

	@PageController
	static class Unmarked {

	}

}

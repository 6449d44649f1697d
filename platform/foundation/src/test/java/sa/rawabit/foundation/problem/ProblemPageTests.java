package sa.rawabit.foundation.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ProblemPageTests {

	private final Problem problem = new Problem(ProblemType.VALIDATION, "Check <the> fields", "راجع الحقول", "name",
			List.of(new FieldProblem("name", "Name is required", "الاسم مطلوب")));

	@Test
	void renderWhenArabicThenRightToLeftWithFieldProblemsEscaped() {
		String page = ProblemPage.render(problem, Locale.forLanguageTag("ar-SA"));

		assertThat(page).contains("lang=\"ar\" dir=\"rtl\"", ProblemType.VALIDATION.titleAr(), "راجع الحقول",
				"data-field=\"name\"", "الاسم مطلوب", "data-status=\"400\"");
	}

	@Test
	void renderWhenEnglishThenLeftToRightAndMarkupInDetailEscaped() {
		String page = ProblemPage.render(problem, Locale.ENGLISH);

		assertThat(page).contains("lang=\"en\" dir=\"ltr\"", "Check &lt;the&gt; fields", "Name is required")
			.doesNotContain("<the>");
	}

	@Test
	void wantedWhenBrowserAsksForHtmlThenPageAndForApisOrHtmxOrProgramsThenJson() {
		String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

		assertThat(ProblemPage.wanted(MockServerHttpRequest.get("/requests/1").header("Accept", browser).build()))
			.isTrue();
		assertThat(ProblemPage.wanted(MockServerHttpRequest.get("/api/requests/1").header("Accept", browser).build()))
			.isFalse();
		assertThat(ProblemPage.wanted(MockServerHttpRequest.get("/requests/1")
			.header("Accept", browser)
			.header("HX-Request", "true")
			.build())).isFalse();
		assertThat(ProblemPage.wanted(MockServerHttpRequest.get("/requests/1").header("Accept", "*/*").build()))
			.isFalse();
		assertThat(ProblemPage.wanted(MockServerHttpRequest.get("/requests/1").build())).isFalse();
	}

}

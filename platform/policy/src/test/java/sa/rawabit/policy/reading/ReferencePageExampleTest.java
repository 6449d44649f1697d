package sa.rawabit.policy.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The example on the reference page must stay a valid policy, or the page teaches the
 * wrong thing.
 */
class ReferencePageExampleTest {

	@Test
	void exampleWhenReadThenValid() throws IOException {
		var page = Files.readString(Path.of("POLICY-LANGUAGE.md"));
		int start = page.indexOf("```yaml\n") + "```yaml\n".length();
		var example = page.substring(start, page.indexOf("```", start));

		var result = PolicyReader.read(example);

		assertThat(result.problems()).isEmpty();
		assertThat(result.policy().procedure().decisionStage().quorum()).isEqualTo(3);
	}

	@Test
	void ownBodiesExampleWhenPutInPlaceOfTheFirstExamplesComplaintsThenValid() throws IOException {
		var page = Files.readString(Path.of("POLICY-LANGUAGE.md"));
		var first = block(page, page.indexOf("```yaml\n"));
		var own = block(page, page.indexOf("```yaml\n", page.indexOf("own bodies")));

		var result = PolicyReader.read(first.substring(0, first.indexOf("complaints:")) + own);

		assertThat(result.problems()).isEmpty();
		assertThat(result.policy().committees()).singleElement()
			.satisfies(c -> assertThat(c.chair().value()).isEqualTo("executive-director"));
	}

	private static String block(String page, int fence) {
		int start = fence + "```yaml\n".length();
		return page.substring(start, page.indexOf("```", start));
	}

}

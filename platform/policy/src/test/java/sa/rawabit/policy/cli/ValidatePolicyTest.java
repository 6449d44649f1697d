package sa.rawabit.policy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sa.rawabit.policy.seeds.SeedPolicies;

class ValidatePolicyTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return ValidatePolicy.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void runWhenAllFilesValidThenExitsZero() throws IOException {
		var file = Files.writeString(dir.resolve("samtah.yaml"), SeedPolicies.get("samtah-cooperative").yaml());

		assertThat(run(file.toString())).isZero();
		assertThat(output()).contains("samtah.yaml: ok (samtah-cooperative)");
	}

	@Test
	void runWhenOneFileHasProblemsThenExitsOneAndPrintsFileLineColumnPathCode() throws IOException {
		var good = Files.writeString(dir.resolve("good.yaml"), SeedPolicies.get("thimar-alkhair").yaml());
		var bad = Files.writeString(dir.resolve("bad.yaml"),
				SeedPolicies.get("thimar-alkhair").yaml().replace("role: research-committee", "role: board"));

		assertThat(run(good.toString(), bad.toString())).isEqualTo(1);
		assertThat(output()).containsPattern(
				"bad\\.yaml:\\d+:\\d+: procedure\\.stages\\[4]\\.role: unknown-role: unknown role 'board'.* / الدور 'board' غير معروف");
	}

	@Test
	void runWhenFileMissingThenExitsTwo() {
		assertThat(run(dir.resolve("absent.yaml").toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("absent.yaml: cannot read");
	}

	@Test
	void runWhenNoArgumentsThenPrintsUsageAndExitsTwo() {
		assertThat(run()).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage:");
	}

	@Test
	void runWhenYamlMalformedThenReportsSyntaxProblemWithoutStackTrace() throws IOException {
		var bad = Files.writeString(dir.resolve("broken.yaml"), "title: [unclosed\n");

		assertThat(run(bad.toString())).isEqualTo(1);
		assertThat(output()).contains("broken.yaml:2:1: $: yaml-syntax:").doesNotContain("Exception");
	}

}

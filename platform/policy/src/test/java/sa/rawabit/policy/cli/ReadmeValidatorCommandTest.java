package sa.rawabit.policy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sa.rawabit.policy.seeds.SeedPolicies;

/**
 * Runs the validator exactly as the README tells a tenant administrator to: the command
 * is read from the README (so the two cannot drift apart) and started with {@code ./mvnw}
 * from the repository root. Only {@code -o} is added, so the test never reaches the
 * network; everything it needs is already resolved by the build running it.
 */
class ReadmeValidatorCommandTest {

	private static final Pattern COMMAND = Pattern
		.compile("`(\\./mvnw [^`]*-pl platform/policy [^`]*exec:java -Dexec\\.args=\"my-policy\\.yaml\")`");

	private static Path root;

	private static String command;

	@TempDir
	Path dir;

	@BeforeAll
	static void findTheReadmeCommand() throws IOException {
		root = Path.of("").toAbsolutePath();
		while (!Files.exists(root.resolve("mvnw"))) {
			root = root.getParent();
		}
		var matcher = COMMAND.matcher(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));
		assertThat(matcher.find()).as("README names the validator command").isTrue();
		command = matcher.group(1);
		var language = Files.readString(root.resolve("platform/policy/POLICY-LANGUAGE.md"), StandardCharsets.UTF_8);
		assertThat(language).as("POLICY-LANGUAGE.md names the same command").contains(command);
	}

	@Test
	void readmeCommandWhenPolicyValidThenPrintsOkAndExitsZero() throws Exception {
		var good = Files.writeString(dir.resolve("good.yaml"), SeedPolicies.get("samtah-cooperative").yaml());

		var run = run(good);

		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("good.yaml: ok (samtah-cooperative)");
	}

	@Test
	void readmeCommandWhenPolicyBrokenThenPrintsTheProblemAndExitsOne() throws Exception {
		var bad = Files.writeString(dir.resolve("bad.yaml"),
				SeedPolicies.get("thimar-alkhair").yaml().replace("role: research-committee", "role: board"));

		var run = run(bad);

		assertThat(run.exit()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).containsPattern(
				"bad\\.yaml:\\d+:\\d+: procedure\\.stages\\[4]\\.role: unknown-role: unknown role 'board'.* / الدور 'board'");
	}

	private record Run(int exit, String output) {
	}

	private Run run(Path policy) throws Exception {
		List<String> args = new ArrayList<>(List.of(command.replace("my-policy.yaml", policy.toString())
			.replace("-Dexec.args=\"" + policy + "\"", "-Dexec.args=" + policy)
			.split(" ")));
		// Not offline: on a fresh machine the exec plugin's jar is fetched by this first
		// run, as it is for an administrator who types the command.
		var process = new ProcessBuilder(args).directory(root.toFile()).redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), output);
	}

}

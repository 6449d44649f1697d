package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import sa.rawabit.testing.SourceFiles;

/**
 * Small files: no main Java file of the repository (both applications and the libraries
 * beside them) runs past 250 lines. Every {@code src/main/java} below the repository's
 * root is read, so a module added later is held to it too.
 */
class SmallFilesTests {

	private static final int MOST = 250;

	/** The repository's root, from {@code platform/service} where the test runs. */
	private static final Path REPOSITORY = Path.of("../..");

	@Test
	void mainFilesWhenLongerThan250LinesThenNone() throws IOException {
		List<Path> roots = mainSourceRoots();
		assertThat(roots).as("the scan finds both applications' sources")
			.anyMatch(root -> root.endsWith(Path.of("platform/service/src/main/java")))
			.anyMatch(root -> root.endsWith(Path.of("tenant-admin/src/main/java")));
		assertThat(SourceFiles.longerThan(MOST, REPOSITORY, roots.toArray(Path[]::new)))
			.as("main files over %d lines (path=lines)", MOST)
			.isEmpty();
	}

	private static List<Path> mainSourceRoots() throws IOException {
		try (Stream<Path> paths = Files.walk(REPOSITORY.toAbsolutePath().normalize())) {
			return paths.filter(Files::isDirectory)
				.filter(path -> path.endsWith(Path.of("src/main/java")))
				.filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/node_modules/"))
				.toList();
		}
	}

}

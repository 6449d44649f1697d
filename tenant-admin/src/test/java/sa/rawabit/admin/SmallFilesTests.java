package sa.rawabit.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import sa.rawabit.testing.SourceFiles;

/** Small files: no main Java file of the control plane runs past 250 lines. */
class SmallFilesTests {

	@Test
	void mainFilesWhenLongerThan250LinesThenNone() {
		assertThat(SourceFiles.longerThan(250, Path.of("."), Path.of("src/main/java"))).isEmpty();
		assertThat(SourceFiles.longerThan(100, Path.of("."), Path.of("src/main/java")))
			.as("the scan reads the sources at all")
			.isNotEmpty();
	}

}

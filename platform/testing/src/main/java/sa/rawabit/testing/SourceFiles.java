package sa.rawabit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The main Java sources of a build, by what a reader meets: how long each file is. */
public final class SourceFiles {

	private SourceFiles() {
	}

	/**
	 * Each Java file under {@code roots} longer than {@code lines}, by its path relative
	 * to {@code base} (with forward slashes), and its length.
	 */
	public static Map<String, Long> longerThan(int lines, Path base, Path... roots) {
		Map<String, Long> found = new TreeMap<>();
		Path from = base.toAbsolutePath().normalize();
		for (Path root : roots) {
			try (Stream<Path> files = Files.walk(root.toAbsolutePath().normalize())) {
				files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
					long length = lineCount(file);
					if (length > lines) {
						found.put(from.relativize(file).toString().replace('\\', '/'), length);
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return found;
	}

	private static long lineCount(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package sa.rawabit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Installs a missing system tool through the repository's own script (the one
 * {@code .ci/run} uses).
 */
final class Tools {

	private Tools() {
	}

	/**
	 * Runs {@code relativeScript}, found by walking up from the module, as the build user
	 * (root in CI).
	 */
	static void install(String relativeScript) {
		for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path script = dir.resolve(relativeScript);
			if (Files.isExecutable(script)) {
				System.out.println("[rawabit] Tool missing: running " + script);
				try {
					Process install = new ProcessBuilder(script.toString()).inheritIO().start();
					if (install.waitFor() != 0) {
						System.out.println("[rawabit] " + script + " failed with exit code " + install.exitValue());
					}
				}
				catch (IOException ex) {
					System.out.println("[rawabit] could not run " + script + ": " + ex.getMessage());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return;
			}
		}
	}

	/**
	 * Waits up to 10 s for {@code process} to listen on loopback {@code port}; fails when
	 * it exits or does not.
	 */
	static void awaitPort(int port, Process process, String what) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(what + " exited with " + process.exitValue());
			}
			try (java.net.Socket socket = new java.net.Socket()) {
				socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException notYet) {
				pause(50);
			}
		}
		throw new IllegalStateException(what + " did not listen on " + port + " within 10 s");
	}

	static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

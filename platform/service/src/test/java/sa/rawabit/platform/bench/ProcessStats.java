package sa.rawabit.platform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Linux says a process tree costs: CPU seconds (user + system, children that are
 * still running included) and resident memory, read from {@code /proc}. Benchmarks read
 * it before and after a run, so each side's cost is measured on the same machine in the
 * same command.
 */
final class ProcessStats {

	/**
	 * Linux reports CPU time in clock ticks; 100 per second on every kernel this runs on.
	 */
	static final double TICKS_PER_SECOND = 100.0;

	private ProcessStats() {
	}

	/** CPU seconds used so far by {@code pid} and every living descendant. */
	static double cpuSeconds(long pid) {
		double total = 0;
		for (long each : tree(pid)) {
			total += ownCpuSeconds(each);
		}
		return total;
	}

	/** CPU seconds {@code pid}'s JIT compiler threads used so far. */
	static double jitCpuSeconds(long pid) {
		return CpuByKind.threads(pid).jitSeconds();
	}

	/** Resident memory of {@code pid} alone, in KB. */
	static long rssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
			return 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Resident memory of {@code pid} and every living descendant, in KB. */
	static long treeRssKb(long pid) {
		return tree(pid).stream().mapToLong(ProcessStats::rssKbOrZero).sum();
	}

	/** {@code pid} and its living descendants. */
	static List<Long> tree(long pid) {
		List<Long> all = new ArrayList<>();
		all.add(pid);
		ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(child -> all.add(child.pid())));
		return all;
	}

	/**
	 * The postmaster of the PostgreSQL listening on {@code port} (from its data
	 * directory's pid file).
	 */
	static long postmasterOf(int port) {
		try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
			return all
				.filter(process -> process.info()
					.commandLine()
					.map(line -> line.contains("postgres")
							&& (line.contains("-p " + port) || line.contains("port=" + port)))
					.orElse(false))
				.filter(process -> process.parent()
					.map(parent -> !parent.info().command().orElse("").endsWith("postgres"))
					.orElse(true))
				.mapToLong(ProcessHandle::pid)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No PostgreSQL process on port " + port));
		}
	}

	private static long rssKbOrZero(long pid) {
		try {
			return rssKb(pid);
		}
		catch (UncheckedIOException gone) {
			return 0;
		}
	}

	private static double ownCpuSeconds(long pid) {
		try {
			return ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
		}
		catch (IOException gone) {
			return 0;
		}
	}

	/**
	 * Lifts this process's open-file limit (root may), so tens of thousands of client
	 * connections fit; the replica it starts inherits it. Without the right, the limit
	 * stays and the report says so.
	 */
	static void raiseFileLimit() {
		try {
			Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(ProcessHandle.current().pid()),
					"--nofile=200000:200000")
				.redirectErrorStream(true)
				.start();
			if (prlimit.waitFor() != 0) {
				System.out.println("[bench] could not raise the open-file limit: "
						+ new String(prlimit.getInputStream().readAllBytes()));
			}
		}
		catch (IOException | InterruptedException ex) {
			System.out.println("[bench] could not raise the open-file limit: " + ex);
		}
	}

	/** The machine a report was measured on. */
	static String machine() {
		return Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version() + ", "
				+ System.getProperty("os.name") + " " + System.getProperty("os.arch");
	}

	/** User + system seconds of one {@code /proc/.../stat} line. */
	private static double ticks(String stat) {
		long[] ticks = userAndSystemTicks(stat);
		return (ticks[0] + ticks[1]) / TICKS_PER_SECOND;
	}

	/** User and system clock ticks of one {@code /proc/.../stat} line. */
	static long[] userAndSystemTicks(String stat) {
		// The command name may hold spaces; fields are counted after its closing
		// parenthesis.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]) };
	}

}

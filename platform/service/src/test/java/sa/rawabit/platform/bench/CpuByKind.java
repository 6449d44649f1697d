package sa.rawabit.platform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU so far by kind, user and system apart, read from {@code /proc}: a JVM's by kind of
 * thread, PostgreSQL's by kind of process. A profile samples Java frames only; this also
 * shows the time the kernel spends on a thread's sockets, the collector's and the
 * compiler's threads. Threads of one pool are one kind: their names with the number taken
 * out ({@code reactor-http-epoll-#}); PostgreSQL's backends are their role's
 * ({@code rawabit_platform}), its other processes their title's
 * ({@code autovacuum worker}).
 *
 * @param ticks per kind: user and system clock ticks
 */
record CpuByKind(Map<String, long[]> ticks) {

	/** A backend's title: its role, database and client ({@code 127.0.0.1(35234)}). */
	private static final Pattern BACKEND = Pattern.compile("\\S+ \\S+ [0-9.:a-f\\[\\]]+\\(\\d+\\)");

	/** {@code pid}'s living threads' CPU so far. */
	static CpuByKind threads(long pid) {
		Map<String, long[]> ticks = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			for (Path task : tasks.toList()) {
				try {
					add(ticks,
							Files.readString(task.resolve("comm")).strip().replaceAll("(?<=[-#])[0-9]+|[0-9]+$", "#"),
							Files.readString(task.resolve("stat")));
				}
				catch (IOException ended) {
					// The thread ended between the listing and the read.
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new CpuByKind(ticks);
	}

	/**
	 * The CPU so far of PostgreSQL's living processes under {@code postmaster}, by role
	 * or title. Backends that ended took theirs to the postmaster's account
	 * ({@link PgbenchPeer#postgresCpuSeconds} counts it).
	 */
	static CpuByKind postgres(long postmaster) {
		Map<String, long[]> ticks = new HashMap<>();
		ProcessHandle.of(postmaster).ifPresent(server -> server.children().forEach(child -> {
			try {
				// "postgres: rawabit_platform rawabit 127.0.0.1(35234) idle",
				// "postgres: autovacuum worker"
				String title = Files.readString(Path.of("/proc/" + child.pid() + "/cmdline"))
					.replace('\0', ' ')
					.strip()
					.replaceFirst("^postgres: ", "");
				String kind = BACKEND.matcher(title).lookingAt() ? title.substring(0, title.indexOf(' '))
						: title.replaceAll(" +[0-9]+$", "");
				add(ticks, kind, Files.readString(Path.of("/proc/" + child.pid() + "/stat")));
			}
			catch (IOException ended) {
				// The process ended between the listing and the read.
			}
		}));
		return new CpuByKind(ticks);
	}

	private static void add(Map<String, long[]> ticks, String kind, String stat) {
		long[] spent = ProcessStats.userAndSystemTicks(stat);
		long[] sum = ticks.computeIfAbsent(kind, any -> new long[2]);
		sum[0] += spent[0];
		sum[1] += spent[1];
	}

	/**
	 * CPU seconds of the JIT compiler's threads: a one-time cost of a JVM warming up that
	 * a server compiled ahead of time (nginx) does not pay per event. At least this much:
	 * compiler threads the JVM stopped take their count with them.
	 */
	double jitSeconds() {
		long sum = 0;
		for (var kind : ticks.entrySet()) {
			if (kind.getKey().startsWith("C1 CompilerThre") || kind.getKey().startsWith("C2 CompilerThre")) {
				sum += kind.getValue()[0] + kind.getValue()[1];
			}
		}
		return sum / ProcessStats.TICKS_PER_SECOND;
	}

	/**
	 * What each kind used since {@code before}, per {@code units} (µs user + system), the
	 * costliest first, down to a twentieth of the whole.
	 */
	String since(CpuByKind before, long units) {
		Map<String, long[]> spent = new HashMap<>();
		long all = 0;
		for (var kind : ticks.entrySet()) {
			long[] earlier = before.ticks.getOrDefault(kind.getKey(), new long[2]);
			long[] delta = { kind.getValue()[0] - earlier[0], kind.getValue()[1] - earlier[1] };
			spent.put(kind.getKey(), delta);
			all += delta[0] + delta[1];
		}
		long whole = all;
		return spent.entrySet()
			.stream()
			.filter(kind -> (kind.getValue()[0] + kind.getValue()[1]) * 20 >= whole && whole > 0)
			.sorted(Comparator.comparingLong(kind -> -(kind.getValue()[0] + kind.getValue()[1])))
			.map(kind -> String.format(Locale.ROOT, "%s %.0f+%.0f", kind.getKey(), micros(kind.getValue()[0], units),
					micros(kind.getValue()[1], units)))
			.collect(Collectors.joining(", "));
	}

	private static double micros(long ticks, long units) {
		return units == 0 ? Double.NaN : ticks / ProcessStats.TICKS_PER_SECOND * 1e6 / units;
	}

}

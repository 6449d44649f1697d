package sa.rawabit.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rawabit's side of the intake run: {@code wrk} (a load generator written in C, so the
 * client takes little of the two cores) posting staff complaints to
 * {@code POST /api/complaints} with a fixed number of connections for a fixed time. CPU
 * is the replica's and PostgreSQL's over the run; wrk's latency distribution gives p50
 * and p99, its summary the maximum.
 */
final class RawabitIntake {

	static final String SIDE = "Rawabit HTTP intake";

	/** The same filing on the stack alone ({@link BenchReplica#startStackAlone}). */
	static final String STACK_ALONE = "the stack alone (WebFlux, r2dbc, same SQL)";

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(m?s)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern MAX = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)");

	private final BenchReplica replica;

	private final long postmaster;

	RawabitIntake(BenchReplica replica, long postmaster) {
		this.replica = replica;
		this.postmaster = postmaster;
	}

	IntakeResult run(String slug, int clients, int seconds, String note) throws Exception {
		return run(Probe.INTAKE, SIDE, slug, clients, seconds, note);
	}

	/**
	 * The intake against the stack alone: its server answers the same request at the same
	 * address.
	 */
	IntakeResult runStackAlone(String slug, int clients, int seconds, String note) throws Exception {
		return run(Probe.INTAKE, STACK_ALONE, slug, clients, seconds, note);
	}

	/** {@code probe} with the intake's clients and its staff member's token. */
	IntakeResult run(Probe probe, String slug, int clients, int seconds, String note) throws Exception {
		return run(probe, probe.side(), slug, clients, seconds, note);
	}

	private IntakeResult run(Probe probe, String side, String slug, int clients, int seconds, String note)
			throws Exception {
		var wrk = PeerTools.executable("wrk");
		if (wrk.isEmpty()) {
			return IntakeResult.skipped(side, clients,
					"wrk missing and deploy/local/install-tools.sh could not install it");
		}
		Path dir = Files.createTempDirectory("rawabit-wrk");
		Path script = Files.writeString(dir.resolve("intake.lua"), """
				wrk.method = "%s"
				wrk.headers["Authorization"] = "Bearer %s"
				""".formatted(probe.method(), replica.token(slug, "relations-officer"))
				+ ("POST".equals(probe.method()) ? """
						wrk.body = '%s'
						wrk.headers["Content-Type"] = "application/json"
						""".formatted(Probe.COMPLAINT) : ""));
		SettledDatabase.settle(side + ", " + note);
		WalActivity walBefore = WalActivity.now();
		double cpuBefore = ProcessStats.cpuSeconds(replica.pid());
		CpuByKind threadsBefore = CpuByKind.threads(replica.pid());
		CpuByKind backendsBefore = CpuByKind.postgres(postmaster);
		double dbBefore = PgbenchPeer.postgresCpuSeconds(postmaster);
		Process run = new ProcessBuilder(
				List.of(wrk.get().toString(), "-t", String.valueOf(Math.min(clients, 2)), "-c", String.valueOf(clients),
						"-d", seconds + "s", "--latency", "-s", script.toString(), replica.base() + probe.path()))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("out.txt").toFile())
			.start();
		run.waitFor(seconds + 60L, TimeUnit.SECONDS);
		double cpu = ProcessStats.cpuSeconds(replica.pid()) - cpuBefore;
		CpuByKind threads = CpuByKind.threads(replica.pid());
		CpuByKind backends = CpuByKind.postgres(postmaster);
		double jit = threads.jitSeconds() - threadsBefore.jitSeconds();
		double db = PgbenchPeer.postgresCpuSeconds(postmaster) - dbBefore;
		String out = Files.readString(dir.resolve("out.txt"));
		Matcher total = REQUESTS.matcher(out);
		if (!total.find()) {
			return IntakeResult.skipped(side, clients, "wrk printed no summary: " + out.strip());
		}
		long requests = Long.parseLong(total.group(1));
		double elapsed = Double.parseDouble(total.group(2)) / ("ms".equals(total.group(3)) ? 1000 : 1);
		// An intake must be created; a probe measures what any answer costs (a 404 too),
		// so there only socket errors fail.
		long notOk = count(NON_2XX, out);
		long refused = probe.isIntake() ? notOk : 0;
		long failed = refused + socketErrors(out);
		long completed = requests - refused;
		List<String> notes = new ArrayList<>(List.of(note));
		Matcher errors = ERRORS.matcher(out);
		if (failed > 0) {
			notes.add("failures: non-2xx " + refused + (errors.find() ? ", socket connect/read/write/timeout "
					+ errors.group(1) + "/" + errors.group(2) + "/" + errors.group(3) + "/" + errors.group(4) : ""));
		}
		if (refused == 0 && notOk > 0) {
			notes.add("answers not 2xx: " + notOk);
		}
		// Part of the replica's CPU, shown so a run still compiling is told apart.
		notes.add(String.format(Locale.ROOT, "JIT compilation %.2f s of the CPU;", jit));
		notes.add(WalActivity.since(walBefore, completed));
		System.out.println("[bench] " + side + ", " + note + ", µs user+system per intake: the server's threads "
				+ threads.since(threadsBefore, completed) + "; PostgreSQL's processes "
				+ backends.since(backendsBefore, completed));
		return new IntakeResult(side, clients, elapsed, completed, failed, completed / elapsed, percentile(out, "50%"),
				percentile(out, "99%"), max(out), cpu, db,
				String.join(" ", notes.stream().filter(part -> !part.isBlank()).toList()));
	}

	private static long count(Pattern pattern, String out) {
		Matcher matcher = pattern.matcher(out);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private static long socketErrors(String out) {
		Matcher matcher = ERRORS.matcher(out);
		if (!matcher.find()) {
			return 0;
		}
		long sum = 0;
		for (int group = 1; group <= 4; group++) {
			sum += Long.parseLong(matcher.group(group));
		}
		return sum;
	}

	private static double percentile(String out, String which) {
		Matcher matcher = Pattern.compile("\\s" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
		return matcher.find() ? millis(matcher.group(1), matcher.group(2)) : Double.NaN;
	}

	private static double max(String out) {
		Matcher matcher = MAX.matcher(out);
		return matcher.find() ? millis(matcher.group(1), matcher.group(2)) : Double.NaN;
	}

	private static double millis(String value, String unit) {
		double number = Double.parseDouble(value);
		return switch (unit.toLowerCase(Locale.ROOT)) {
			case "us" -> number / 1000;
			case "s" -> number * 1000;
			default -> number;
		};
	}

}

package sa.rawabit.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import sa.rawabit.foundation.database.DatabaseEndpoint;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * The intake peer: pgbench running {@code bench/intake.pgbench.sql} — the statements one
 * staff complaint intake sends (see the script's header) — against the same PostgreSQL,
 * as the platform's own role, with the same number of clients. Its rate is what the
 * database allows an intake; Rawabit's HTTP intake beside it shows how much of that the
 * platform keeps. pgbench's per-transaction log gives latency percentiles; PostgreSQL's
 * CPU over the run is the postmaster's tree plus the backends it reaped (pgbench's
 * connections end with the run); pgbench's own CPU is sampled and printed in the note,
 * not counted — it is the client, as the HTTP load generator is.
 */
final class PgbenchPeer {

	static final String SIDE = "pgbench (same SQL)";

	private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");

	private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

	private PgbenchPeer() {
	}

	/**
	 * Runs the intake script for {@code seconds} with {@code clients} connections of
	 * {@code role}; the script's {@code :name} variables come from {@code variables}
	 * (e.g. {@code tenant}, see the script).
	 */
	static IntakeResult run(DatabaseEndpoint database, String role, String password, Map<String, String> variables,
			int clients, int seconds) {
		var pgbench = PeerTools.executable("pgbench");
		if (pgbench.isEmpty()) {
			return IntakeResult.skipped(SIDE, clients,
					"pgbench missing and deploy/local/install-tools.sh could not install it");
		}
		Path dir = null;
		try {
			dir = Files.createTempDirectory("rawabit-pgbench");
			Path script = Files.writeString(dir.resolve("intake.pgbench.sql"), IntakeScript.text());
			List<String> command = new ArrayList<>(List.of(pgbench.get().toString(), "-h", database.host(), "-p",
					String.valueOf(database.port()), "-U", role, "-n", "-M", "extended", "-c", String.valueOf(clients),
					"-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "-f", script.toString(),
					"-l", "--log-prefix=" + dir.resolve("tx")));
			variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
			command.add(database.database());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dir.resolve("out.txt").toFile());
			builder.environment().put("PGPASSWORD", password);
			long postmaster = ProcessStats.postmasterOf(database.port());
			SettledDatabase.settle(SIDE);
			WalActivity walBefore = WalActivity.now();
			double dbBefore = postgresCpuSeconds(postmaster);
			long start = System.nanoTime();
			Process run = builder.start();
			double clientCpu = 0;
			while (!run.waitFor(100, TimeUnit.MILLISECONDS)) {
				clientCpu = Math.max(clientCpu, ProcessStats.cpuSeconds(run.pid()));
			}
			double elapsed = (System.nanoTime() - start) / 1e9;
			// pgbench's backends end with it; their CPU reaches the postmaster's account
			// once it reaps them.
			Thread.sleep(500);
			double db = postgresCpuSeconds(postmaster) - dbBefore;
			String out = Files.readString(dir.resolve("out.txt"));
			long processed = first(PROCESSED, out);
			long failed = first(FAILED, out);
			if (run.exitValue() != 0 && processed == 0) {
				return IntakeResult.skipped(SIDE, clients,
						"pgbench failed (exit " + run.exitValue() + "): "
								+ out.lines()
									.filter(line -> line.contains("ERROR") || line.contains("error"))
									.findFirst()
									.orElse(out.strip()));
			}
			long[] micros = latencies(dir);
			String wal = WalActivity.since(walBefore, processed);
			String note = String.format(java.util.Locale.ROOT, "pgbench's own CPU %.2f s (not counted)%s%s", clientCpu,
					run.exitValue() != 0 ? "; exit " + run.exitValue() + ": " + lastLine(out) : "",
					wal.isEmpty() ? "" : "; " + wal);
			return new IntakeResult(SIDE, clients, elapsed, processed, failed + (run.exitValue() != 0 ? 1 : 0),
					processed / elapsed, PeerTools.percentileMs(micros, micros.length, 0.50),
					PeerTools.percentileMs(micros, micros.length, 0.99),
					PeerTools.percentileMs(micros, micros.length, 1.0), 0, db, note);
		}
		catch (IOException | RuntimeException ex) {
			return IntakeResult.skipped(SIDE, clients, "pgbench run failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return IntakeResult.skipped(SIDE, clients, "interrupted");
		}
		finally {
			if (dir != null) {
				PeerTools.deleteQuietly(dir);
			}
		}
	}

	/**
	 * The script's variables for one association: its id and slug, the policy version in
	 * force and the filing staff member's username.
	 */
	static Map<String, String> variables(TenantId tenant, String slug, UUID version, String username) {
		return Map.of("tenant", tenant.toString(), "slug", slug, "version", version.toString(), "username", username);
	}

	/**
	 * Latency (µs, the third field) of every transaction pgbench logged; failed ones are
	 * left out.
	 */
	private static long[] latencies(Path dir) throws IOException {
		try (Stream<Path> logs = Files.list(dir)) {
			return logs.filter(path -> path.getFileName().toString().startsWith("tx.")).flatMap(path -> {
				try {
					return Files.readAllLines(path).stream();
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			})
				.map(line -> line.split(" "))
				.filter(fields -> fields.length > 2 && fields[2].chars().allMatch(Character::isDigit))
				.mapToLong(fields -> Long.parseLong(fields[2]))
				.toArray();
		}
	}

	/**
	 * CPU of the server: the postmaster's living tree plus what its reaped children used
	 * (fields 16 and 17 of {@code /proc/<pid>/stat}), so backends that ended with
	 * pgbench's connections still count.
	 */
	static double postgresCpuSeconds(long postmaster) throws IOException {
		String stat = Files.readString(Path.of("/proc/" + postmaster + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return ProcessStats.cpuSeconds(postmaster) + (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
	}

	private static long first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private static String lastLine(String text) {
		List<String> lines = text.strip().lines().toList();
		return lines.isEmpty() ? "" : lines.getLast();
	}

}

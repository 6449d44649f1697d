package sa.rawabit.platform.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.dashboard.DashboardHistory;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Live dashboards at scale: one association with H complaints of history (2 % open; a
 * quarter as many requests and inquiries, half as many clocks) among A-1 others of
 * {@code size} each; the dashboard statements timed under RLS against an explicit tenant
 * filter, with and without the V160 indexes; then N simulated dashboards of that
 * association ({@link DashboardWatchers}) on a replica in its own JVM while complaints
 * are filed at E per second for S seconds. Reports per event: dashboard computations,
 * database transactions and rows read, database and replica CPU; and commit to "dashboard
 * shows it". Run: {@code ./mvnw -B -pl platform/service -am -Pbench -DskipTests verify
 * -Dbench.main=sa.rawabit.platform.bench.DashboardBenchmark -Dbench.args="1000 1000 100000 1000 10 20"}
 * (associations, size, history, dashboards, events per second, seconds; optional:
 * coalesce ms, jitter ms, server cache ms — "0 0 0" is every page reloading on every
 * event with nothing shared — and unmeasured warm-up seconds at the same rate before the
 * measured run, so the JIT has compiled the path).
 */
public final class DashboardBenchmark {

	record Settings(int associations, int size, int history, int dashboards, int rate, int seconds, long coalesceMs,
			long jitterMs, long cacheMs, int warmUpSeconds) {

		static Settings of(String[] args) {
			int[] n = { 1000, 1000, 100_000, 1000, 10, 20, 300, 400, 5000, 10 };
			for (int i = 0; i < args.length && i < n.length; i++) {
				n[i] = Integer.parseInt(args[i]);
			}
			return new Settings(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9]);
		}
	}

	/** What a run saw; {@code allShown}: every dashboard showed every filing. */
	record Result(int filed, long dashboards, long showingAll, long reloads, double computations, long[] latencies) {

		boolean allShown() {
			return filed > 0 && showingAll == dashboards;
		}
	}

	public static void main(String[] args) throws Exception {
		Result result = run(Settings.of(args), 100);
		System.exit(result.allShown() ? 0 : 1);
	}

	/**
	 * Seeds, times the statements ({@code runs} each, none when 0; end to end 3 rounds of
	 * 5 s when {@code runs} is 100 or more, else one of 1 s) and runs the live part.
	 */
	static Result run(Settings settings, int runs) throws Exception {
		TestDatabase database = TestDatabase.get();
		SchemaMigrations.migrate(database.server(DatabaseRoles.OWNER), "app");
		TestTenant busy = TestTenants.register("dash");
		TestPolicies.publish(busy.id(), ComplaintPolicies.samtah());
		long seeding = System.nanoTime();
		try (Connection superuser = database.connectAsSuperuser(); Statement sql = superuser.createStatement()) {
			DashboardHistory.seed(sql, busy.id(), settings.history(), 50);
			for (int i = 1; i < settings.associations(); i++) {
				DashboardHistory.seed(sql, new TenantId(UUID.randomUUID()), settings.size(), 50);
			}
			sql.execute("analyze app.complaint, app.request, app.inquiry, app.deadline, app.beneficiary");
			System.out.printf(
					"[bench] seeded %,d associations (%,d complaints of history in the watched one, %,d in "
							+ "each other) in %.0f s; %,d complaints in all%n",
					settings.associations(), settings.history(), settings.size(), (System.nanoTime() - seeding) / 1e9,
					count(sql, "select count(*) from app.complaint"));
			if (runs > 0) {
				DashboardStatementTimings.report("with V160, freshly loaded", busy.id(), runs);
				// What autovacuum keeps a live table at: the visibility map set, so
				// counts can stay in the index.
				sql.execute("vacuum app.complaint, app.request, app.inquiry, app.deadline");
				DashboardStatementTimings.report("with V160, vacuumed", busy.id(), runs);
				DashboardStatementThroughput.report(busy.id(), runs >= 100 ? 3 : 1, runs >= 100 ? 5 : 1);
				sql.execute("drop index app.complaint_open; drop index app.deadline_running");
				DashboardStatementTimings.report("without V160 (before)", busy.id(), runs);
				sql.execute(V160_AGAIN);
			}
		}
		return DashboardLiveRun.run(settings, busy);
	}

	static final String V160_AGAIN = """
			create index complaint_open on app.complaint (tenant_id, received_at desc, id) include (state)
			    where state not in ('settled', 'resolved');
			create index deadline_running on app.deadline (tenant_id, due_at, subject_id)
			    where state not in ('met', 'cancelled')""";

	static long count(Statement sql, String query) throws SQLException {
		try (ResultSet rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** A replica in its own JVM; its port and pid once it is ready. */
	static Process startServer(Settings settings, List<String> ready) throws Exception {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx1g", BenchReplica.FULL_HEAP, BenchReplica.RESIDENT_HEAP, BenchReplica.COMPACT_HEADERS));
		String jfr = System.getProperty("bench.jfr", "");
		if (!jfr.isBlank()) { // -Dbench.jfr=DIR: a deep-stack profile of the replica's
								// whole run
			command.add("-XX:FlightRecorderOptions=stackdepth=1024");
			command.add("-XX:StartFlightRecording=settings=profile,filename="
					+ Path.of(jfr, "dashboards.jfr").toAbsolutePath());
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), DashboardBenchServer.class.getName(),
				BenchReplica.SECRET, "--server.port=0", "--spring.profiles.active=dev",
				"--spring.application.name=rawabit-bench", "--logging.level.root=WARN",
				"--logging.structured.format.console=", "--rawabit.security.issuer=http://127.0.0.1:1/realms/bench",
				"--rawabit.dashboard.cache-for=" + settings.cacheMs() + "ms",
				"--rawabit.dashboard.coalesce=" + settings.coalesceMs() + "ms",
				"--rawabit.dashboard.jitter=" + settings.jitterMs() + "ms"));
		TestDatabase.get()
			.register((name, value) -> command.add("--" + name + "=" + value.get()), DatabaseRoles.PLATFORM);
		Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			System.out.println("[replica] " + line);
			if (line.startsWith("BENCH-READY")) {
				Thread drain = new Thread(() -> out.lines().forEach(ignored -> {
				}), "dashboard-bench-server-output");
				drain.setDaemon(true);
				drain.start();
				ready.addAll(List.of(line.split(" ")));
				return server;
			}
		}
		throw new IllegalStateException("The benchmark replica did not start");
	}

	static void stop(Process server) throws InterruptedException {
		server.destroy();
		server.waitFor(20, TimeUnit.SECONDS);
	}

	/**
	 * User plus system CPU of a process, in milliseconds (/proc/<pid>/stat, 100 ticks a
	 * second).
	 */
	static long cpuMillis(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
		}
		catch (Exception gone) {
			return 0;
		}
	}

	static Duration millis(long value) {
		return Duration.ofMillis(value);
	}

}

package sa.rawabit.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sa.rawabit.foundation.database.DatabaseEndpoint;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.dashboard.DashboardHistory;
import sa.rawabit.testing.TestDatabase;

/**
 * The RLS tax the way an application pays it, as the issue measured it: every dashboard
 * statement run by pgbench ({@code -M prepared}, one client, arguments bound as the app
 * binds them) for a few seconds, alternately as the platform role under row-level
 * security (the tenant set for the session) and as a role that bypasses it with the
 * tenant as one more bound argument. Transactions per second of each side and their
 * ratio; {@link DashboardStatementTimings} shows the same split inside the server.
 */
final class DashboardStatementThroughput {

	static final String BYPASS_ROLE = "rawabit_bench_bypass";

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

	private static final Pattern ARGUMENT = Pattern.compile("'[^']*'|[^,()\\s][^,()]*(?:\\(\\))?");

	private DashboardStatementThroughput() {
	}

	/**
	 * {@code rounds} alternations of {@code seconds} per side and statement; fails when
	 * pgbench runs but a side completes nothing.
	 */
	static void report(TenantId tenant, int rounds, int seconds) throws SQLException, IOException {
		var pgbench = PeerTools.executable("pgbench");
		if (pgbench.isEmpty()) {
			System.out.println("[bench] RLS tax end to end skipped: pgbench missing and "
					+ "deploy/local/install-tools.sh could not install it");
			return;
		}
		createBypassRole();
		System.out.printf(Locale.ROOT,
				"[bench] dashboard statements end to end (pgbench -M prepared, 1 client, %d x %d s per side, "
						+ "transactions/s)%n",
				rounds, seconds);
		System.out.printf("[bench]   %-24s %9s %9s %7s%n", "statement", "RLS", "bypass", "tax");
		Path dir = Files.createTempDirectory("rawabit-rls");
		try {
			for (Map.Entry<String, String> statement : DashboardHistory.statements().entrySet()) {
				List<String> arguments = arguments(DashboardHistory.ARGUMENTS.get(statement.getKey()));
				Path rls = Files.writeString(dir.resolve("rls.sql"), bound(statement.getValue(), arguments) + ";\n");
				Path bypass = Files.writeString(dir.resolve("bypass.sql"), bound(statement.getValue(), arguments)
					.replaceFirst("\\bwhere ", "where tenant_id = :tenant::uuid and ") + ";\n");
				double underRls = 0;
				double bypassing = 0;
				for (int round = 0; round < rounds; round++) {
					underRls += tps(pgbench.get(), DatabaseRoles.PLATFORM, tenant, rls, arguments, seconds);
					bypassing += tps(pgbench.get(), BYPASS_ROLE, tenant, bypass, arguments, seconds);
				}
				if (underRls == 0 || bypassing == 0) {
					throw new IllegalStateException(statement.getKey() + " completed nothing under pgbench");
				}
				System.out.printf(Locale.ROOT, "[bench]   %-24s %9.0f %9.0f %6.2fx%n", statement.getKey(),
						underRls / rounds, bypassing / rounds, bypassing / underRls);
			}
		}
		finally {
			PeerTools.deleteQuietly(dir);
		}
	}

	/**
	 * The statement with {@code $n} as pgbench variables {@code :an} (bound by
	 * {@code -M prepared}); an argument that is an expression ({@code now()}) is written
	 * in place.
	 */
	static String bound(String sql, List<String> arguments) {
		String bound = sql;
		for (int n = arguments.size(); n >= 1; n--) {
			String argument = arguments.get(n - 1);
			bound = bound.replace("$" + n, argument.endsWith("()") ? argument : ":a" + n);
		}
		return bound;
	}

	/** {@code ('{a,b}', 10)} as {@code ['{a,b}', 10]}, quotes kept. */
	static List<String> arguments(String arguments) {
		List<String> split = new ArrayList<>();
		Matcher argument = ARGUMENT.matcher(arguments);
		while (argument.find()) {
			split.add(argument.group().strip());
		}
		return split;
	}

	private static double tps(Path pgbench, String role, TenantId tenant, Path script, List<String> arguments,
			int seconds) throws IOException {
		DatabaseEndpoint database = TestDatabase.get().endpoint();
		List<String> command = new ArrayList<>(List.of(pgbench.toString(), "-h", database.host(), "-p",
				String.valueOf(database.port()), "-U", role, "-n", "-M", "prepared", "-c", "1", "-T",
				String.valueOf(seconds), "-f", script.toString(), "-D", "tenant=" + tenant.value()));
		for (int n = 1; n <= arguments.size(); n++) {
			command.addAll(List.of("-D", "a" + n + "=" + arguments.get(n - 1).replace("'", "")));
		}
		command.add(database.database());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", TestDatabase.ROLE_PASSWORD);
		// The platform role's side as the app's tenant transactions set it
		// (TenantSettings)
		builder.environment()
			.put("PGOPTIONS", "-c app.tenant_id=" + tenant.value()
					+ (role.equals(DatabaseRoles.PLATFORM) ? " -c plan_cache_mode=force_generic_plan" : ""));
		Process run = builder.start();
		String out = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		Matcher tps = TPS.matcher(out);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench as " + role + " printed no rate: " + out);
		}
		return Double.parseDouble(tps.group(1));
	}

	private static void createBypassRole() throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				Statement sql = superuser.createStatement()) {
			sql.execute("""
					do $$ begin
					  if not exists (select from pg_roles where rolname = '%1$s') then
					    create role %1$s login bypassrls password '%2$s';
					  end if;
					end $$;
					grant connect on database %3$s to %1$s;
					grant usage on schema app to %1$s;
					grant select on all tables in schema app to %1$s""".formatted(BYPASS_ROLE,
					TestDatabase.ROLE_PASSWORD, TestDatabase.DATABASE));
		}
	}

}

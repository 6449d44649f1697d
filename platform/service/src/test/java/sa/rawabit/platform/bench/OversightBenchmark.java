package sa.rawabit.platform.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.testing.TestDatabase;

/**
 * Times the national oversight query at the scale: generates A associations (13
 * regions, 3 licence authorities, a policy in force each) and R requests spread evenly
 * over them, with a decision for 80 %, a decision deadline for every request, 100
 * complaints, 200 survey invitations and 20 staff acknowledgements per association, all
 * with {@code generate_series} as the superuser, then ANALYZEs, times the snapshot
 * refresh the platform schedules (as the platform role), the oversight page's own query
 * as {@code oversight_reader} (unfiltered and one region) and, for comparison, the live
 * aggregate every page view ran before the snapshot; N times each, printing the median
 * and maximum in milliseconds. Seeding is not timed. Run:
 * {@code ./mvnw -B -pl platform/service -am -Pbench -DskipTests verify
 * -Dbench.main=sa.rawabit.platform.bench.OversightBenchmark -Dbench.args="1000 1000000 5"}
 * (associations, requests, runs).
 */
public final class OversightBenchmark {

	/**
	 * The query {@code NationalIndicators.associations} sends (R2DBC there, JDBC here:
	 * same plan).
	 */
	static final String PAGE_QUERY = """
			select * from oversight.association_indicators
			where (?::text is null or region = ?) and (?::text is null or licence_authority = ?)
			order by association_slug""";

	static final String REFRESH = "select oversight.refresh_indicators()";

	static final String LIVE_QUERY = "select * from oversight.association_indicators() order by association_slug";

	public static void main(String[] args) throws Exception {
		int associations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;

		TestDatabase database = TestDatabase.get();
		SchemaMigrations.migrate(database.server(DatabaseRoles.OWNER), "app");
		long seeding = System.nanoTime();
		try (Connection superuser = database.connectAsSuperuser(); Statement sql = superuser.createStatement()) {
			seed(sql, associations, requests);
			System.out.printf("[bench] seeded %,d associations, %,d requests in %.1f s%n", associations, requests,
					(System.nanoTime() - seeding) / 1e9);
			for (String table : List.of("app.request", "app.request_decision", "app.request_deadline", "app.complaint",
					"app.audit_event", "app.survey_invitation", "app.policy_acknowledgement", "control.tenant",
					"control.policy_version")) {
				System.out.printf("[bench] %-28s %,12d rows%n", table, count(sql, table));
			}
		}
		// The refresh the platform schedules (V77): the full national aggregate, written
		// to the snapshot.
		try (Connection platform = database.connectAs(DatabaseRoles.PLATFORM)) {
			time("snapshot refresh", runs, () -> rows(platform.prepareStatement(REFRESH)));
		}
		try (Connection reader = database.connectAs(DatabaseRoles.OVERSIGHT)) {
			reader.setReadOnly(true);
			time("page, unfiltered", runs, () -> rows(pageQuery(reader, null)));
			time("page, region=Region-03", runs, () -> rows(pageQuery(reader, "Region-03")));
		}
		// What every page view cost before the snapshot: the aggregate computed per
		// request (only the
		// snapshot's owner may run it since V78; the superuser stands in, the function
		// runs as its owner anyway).
		try (Connection superuser = database.connectAsSuperuser()) {
			time("live aggregate", runs, () -> rows(superuser.prepareStatement(LIVE_QUERY)));
		}
		System.exit(0);
	}

	private static void seed(Statement sql, int associations, int requests) throws SQLException {
		sql.execute(
				"""
						insert into control.tenant (id, slug, name_ar, name_en, licence_authority, licence_number, region)
						select gen_random_uuid(), 'bench-' || lpad(i::text, 5, '0'), 'جمعية ' || i, 'Association ' || i,
						       (array['NCNP', 'MHRSD', 'MOH'])[1 + i %% 3], 'B-' || i, 'Region-' || lpad((i %% 13)::text, 2, '0')
						from generate_series(0, %d) i"""
					.formatted(associations - 1));
		sql.execute("""
				create temporary table bench_tenant as
				select id, (row_number() over (order by slug) - 1)::int as n, gen_random_uuid() as policy
				from control.tenant where slug like 'bench-%'""");
		sql.execute("create index on bench_tenant (n)");
		sql.execute("""
				insert into control.policy_version (tenant_id, id, number, status, source, source_sha256, created_by,
				    created_at, published_by, published_at, approval_body, approval_meeting, approval_date,
				    approval_date_hijri)
				select id, policy, 1, 'published', 'x', repeat('0', 64), 'bench', now(), 'bench', now(),
				       'مجلس الإدارة', '1', date '2025-01-05', '1446-07-05'
				from bench_tenant""");
		sql.execute("update control.tenant t set policy_version_id = b.policy, policy_published_at = now() "
				+ "from bench_tenant b where b.id = t.id");
		// One beneficiary per association (its id is the association's), enough for the
		// foreign key.
		sql.execute("""
				insert into app.beneficiary (tenant_id, id, national_id, full_name, created_at)
				select id, id, '1' || lpad(n::text, 9, '0'), 'مستفيد', now() from bench_tenant""");
		// Requests received over two years; request g belongs to association g mod A.
		sql.execute("""
				insert into app.request (tenant_id, id, beneficiary_id, service_id, channel, policy_version,
				    policy_number, status, checklist_size, received_at, received_by, completed_at, updated_at)
				select b.id, gen_random_uuid(), b.id, 'aid', 'in-person', b.policy, 1,
				       case when g %% 5 = 0 then 'awaiting-decision' else 'closed' end, 0,
				       timestamptz '2024-11-01' + (g %% 730) * interval '1 day', 'bench',
				       timestamptz '2024-11-01' + (g %% 730) * interval '1 day',
				       timestamptz '2024-11-01' + (g %% 730) * interval '1 day'
				from generate_series(0, %d) g join bench_tenant b on b.n = g %% %d""".formatted(requests - 1,
				associations));
		sql.execute("""
				insert into app.request_decision (tenant_id, request_id, outcome, reasons, minutes, quorum, members,
				    approvals, rejections, decided_by, decided_at, working_days)
				select tenant_id, id, 'approved', 'r', 'm', 3, '{a,b,c}', 3, 0, 'bench',
				       received_at + (1 + (hashtext(id::text) & 31)) * interval '1 day',
				       (1 + (hashtext(id::text) & 31)) * 5 / 7
				from app.request where status = 'closed' and received_by = 'bench'""");
		sql.execute("""
				insert into app.request_deadline (tenant_id, request_id, deadline_id, starts_at, ends_at, unit,
				    started_on, due_by, met_on)
				select tenant_id, id, 'decision', 'request-complete', 'decision-made', 'working-days',
				       received_at::date, received_at::date + 21,
				       case when status = 'closed' then received_at::date + (hashtext(id::text) & 31) end
				from app.request where received_by = 'bench'""");
		// 100 complaints per association: 60 resolved, 20 settled, 10 escalated, 10
		// received; 10 resolved
		// ones went through an escalation first (audit).
		sql.execute("""
				insert into app.complaint (tenant_id, id, tracking_hash, channel, state, complainant_name, subject,
				    description, received_by, received_at, updated_at)
				select b.id, gen_random_uuid(),
				       encode(sha256(convert_to(b.n || '-' || c, 'UTF8')), 'hex'), 'website',
				       case when c < 60 then 'resolved' when c < 80 then 'settled' when c < 90 then 'escalated'
				            else 'received' end,
				       'مشتكٍ', 'موضوع', 'نص', 'bench', timestamptz '2025-01-01' + c * interval '1 day',
				       timestamptz '2025-01-01' + c * interval '1 day' + (1 + c % 9) * interval '1 day'
				from bench_tenant b cross join generate_series(0, 99) c""");
		sql.execute(
				"""
						insert into app.audit_event (tenant_id, occurred_at, actor, action, subject_type, subject_id,
						    from_state, to_state)
						select tenant_id, received_at, 'bench', 'complaint.escalated', 'complaint', id, 'acknowledged', 'escalated'
						from app.complaint where received_by = 'bench' and (state = 'escalated' or (state = 'resolved'
						    and hashtext(id::text) & 7 = 0))""");
		// 200 survey invitations per association: 85 % reached someone, half of those
		// answered.
		sql.execute("""
				insert into app.survey_invitation (tenant_id, id, case_kind, case_id, token_hash, channel, delivery,
				    sent_at, expires_at, answered_at, rating, comment)
				select b.id, gen_random_uuid(), 'request', gen_random_uuid(), md5(b.n || '/' || s), 'sms',
				       case when s % 20 < 17 then 'sent' when s % 20 = 17 then 'in-person' else 'failed' end,
				       timestamptz '2025-06-01', timestamptz '2025-06-15',
				       case when s % 20 < 18 and s % 2 = 0 then timestamptz '2025-06-02' end,
				       case when s % 20 < 18 and s % 2 = 0 then 1 + s % 5 end,
				       case when s % 20 < 18 and s % 2 = 0 then 'تعليق' end
				from bench_tenant b cross join generate_series(0, 199) s""");
		sql.execute("""
				insert into app.policy_acknowledgement (tenant_id, policy_version, subject, username, policy_number,
				    statement, acknowledged_at)
				select b.id, b.policy, 'staff-' || k, 'user-' || k, 1, 'قرأت السياسة وألتزم بها', now()
				from bench_tenant b cross join generate_series(0, 19) k""");
		sql.execute("analyze");
	}

	private interface Work {

		int run() throws SQLException;

	}

	private static PreparedStatement pageQuery(Connection reader, String region) throws SQLException {
		PreparedStatement query = reader.prepareStatement(PAGE_QUERY);
		query.setString(1, region);
		query.setString(2, region);
		query.setString(3, null);
		query.setString(4, null);
		return query;
	}

	/** Executes and closes the statement; the rows it returned. */
	private static int rows(PreparedStatement statement) throws SQLException {
		int rows = 0;
		try (statement; ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				rows++;
			}
		}
		return rows;
	}

	private static void time(String label, int runs, Work work) throws SQLException {
		double[] millis = new double[runs];
		int rows = 0;
		for (int run = 0; run < runs; run++) {
			long start = System.nanoTime();
			rows = work.run();
			millis[run] = (System.nanoTime() - start) / 1e6;
		}
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		List<String> each = new ArrayList<>();
		for (double ms : millis) {
			each.add("%.0f".formatted(ms));
		}
		System.out.printf("[bench] oversight %-24s %4d rows  median %.0f ms  max %.0f ms  (runs: %s)%n", label, rows,
				sorted[runs / 2], sorted[runs - 1], String.join(", ", each));
	}

	private static long count(Statement sql, String table) throws SQLException {
		try (ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}

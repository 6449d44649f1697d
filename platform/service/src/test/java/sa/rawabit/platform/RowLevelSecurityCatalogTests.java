package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.TestDatabase;

/**
 * Reads PostgreSQL's catalog so that a table added later without its policy fails the
 * build: every table with a {@code tenant_id} column must have RLS enabled and forced, a
 * policy on {@code app.tenant_id} for reads and writes, and {@code tenant_id} leading its
 * primary key; and no application role may own tables or bypass RLS.
 */
class RowLevelSecurityCatalogTests extends PlatformTest {

	private static final String TENANT_TABLES = """
			select c.oid::regclass::text as name, c.relrowsecurity, c.relforcerowsecurity,
			       exists (select 1 from pg_policy p where p.polrelid = c.oid
			               and pg_get_expr(p.polqual, p.polrelid) like '%app.tenant_id%'
			               and pg_get_expr(p.polwithcheck, p.polrelid) like '%app.tenant_id%') as guarded,
			       exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary
			               and i.indkey[0] = (select a.attnum from pg_attribute a
			                                  where a.attrelid = c.oid and a.attname = 'tenant_id')) as tenant_leads_key
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
			  and exists (select 1 from pg_attribute a
			              where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
			order by 1""";

	/**
	 * What code running in a replica could try with its runtime credentials, and must not
	 * be able to do.
	 */
	@Test
	void runtimeRolesWhenTheyTryToLiftRowLevelSecurityThenRefused() throws SQLException {
		List<String> attempts = List.of("alter table app.complaint no force row level security",
				"alter table app.complaint disable row level security", "drop policy tenant_isolation on app.complaint",
				"create policy everything on app.complaint using (true)",
				"alter table app.complaint owner to current_user", "set role rawabit_owner");
		for (String role : List.of(DatabaseRoles.PLATFORM, DatabaseRoles.WORKER, DatabaseRoles.OVERSIGHT)) {
			try (Connection connection = TestDatabase.get().connectAs(role)) {
				for (String attempt : attempts) {
					assertThatThrownBy(() -> connection.createStatement().execute(attempt)).as(role + ": " + attempt)
						.isInstanceOf(SQLException.class)
						.satisfies(refused -> assertThat(((SQLException) refused).getSQLState())
							.as(role + ": " + attempt + " refused for want of privilege, not a typo")
							.isIn("42501", "42704"));
				}
			}
		}
	}

	@Test
	void everyTenantTableHasForcedRowLevelSecurityAndATenantPolicy() throws SQLException {
		List<String> tables = new ArrayList<>();
		List<String> unprotected = new ArrayList<>();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				ResultSet rows = superuser.createStatement().executeQuery(TENANT_TABLES)) {
			while (rows.next()) {
				String name = rows.getString("name");
				tables.add(name);
				for (String property : List.of("relrowsecurity", "relforcerowsecurity", "guarded",
						"tenant_leads_key")) {
					if (!rows.getBoolean(property)) {
						unprotected.add(name + " lacks " + property);
					}
				}
			}
		}
		assertThat(tables).contains("app.beneficiary", "app.audit_event", "app.policy_acknowledgement",
				"app.satisfaction_record", "app.update_notice", "app.update_recipient", "app.update_watermark",
				"app.survey_campaign", "control.operator_export");
		assertThat(unprotected).isEmpty();
	}

	/**
	 * A policy reading the tenant as a plain expression evaluates it for every row it
	 * filters; as a sub-select it is read once per statement (V186).
	 */
	@Test
	void everyAppPolicyReadsTheTenantOncePerStatement() throws SQLException {
		List<String> perRow = new ArrayList<>();
		int policies = 0;
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				ResultSet rows = superuser.createStatement().executeQuery("""
						select tablename || '.' || policyname as policy,
						       coalesce(qual, '') || ' ' || coalesce(with_check, '') as rule
						from pg_policies where schemaname = 'app' and
						      coalesce(qual, '') || coalesce(with_check, '') like '%app.tenant_id%'""")) {
			while (rows.next()) {
				policies++;
				String rule = rows.getString("rule");
				String outsideSubSelects = rule
					.replaceAll("\\(\\s*SELECT\\s+\\(NULLIF\\(current_setting\\('app\\.tenant_id'", "");
				if (outsideSubSelects.contains("current_setting('app.tenant_id'")) {
					perRow.add(rows.getString("policy") + ": " + rule);
				}
			}
		}
		assertThat(policies).isGreaterThan(25);
		assertThat(perRow).isEmpty();
	}

	@Test
	void everyTenantTableCanBeExportedAndDeletedWhenAnAssociationIsOffboarded() throws SQLException {
		List<String> missing = new ArrayList<>();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				ResultSet rows = superuser.createStatement().executeQuery("""
						select name, has_table_privilege('rawabit_admin', name, 'SELECT') as reads,
						       has_table_privilege('rawabit_admin', name, 'DELETE') as deletes
						from (%s) tenant_tables""".formatted(TENANT_TABLES))) {
			while (rows.next()) {
				if (!rows.getBoolean("reads") || !rows.getBoolean("deletes")) {
					missing.add(rows.getString("name"));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void applicationRolesCannotBypassRowLevelSecurityNorOwnAnything() throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser()) {
			for (String role : List.of(DatabaseRoles.PLATFORM, DatabaseRoles.TENANT_ADMIN, DatabaseRoles.OVERSIGHT,
					DatabaseRoles.WORKER, DatabaseRoles.AGGREGATOR)) {
				try (PreparedStatement query = superuser.prepareStatement(
						"""
								select r.rolsuper, r.rolbypassrls,
								       (select count(*) from pg_class c where c.relowner = r.oid
								          and c.relnamespace in (select oid from pg_namespace where nspname in ('app', 'control'))) as owned
								from pg_roles r where r.rolname = ?""")) {
					query.setString(1, role);
					try (ResultSet row = query.executeQuery()) {
						assertThat(row.next()).as(role + " exists").isTrue();
						assertThat(row.getBoolean("rolsuper")).as(role + " superuser").isFalse();
						assertThat(row.getBoolean("rolbypassrls")).as(role + " bypassrls").isFalse();
						assertThat(row.getLong("owned")).as(role + " owned tables").isZero();
					}
				}
			}
		}
	}

	/**
	 * Two roles cross associations, so each is fenced twice: grants only on the tables it
	 * needs, and every policy that is not the tenant policy applies to that role alone.
	 * The worker reads and writes the outbox (and purges it), the clocks, the reactions'
	 * positions and the message queue. The oversight aggregator, which never logs in and
	 * only owns the oversight functions, may only SELECT the tables the indicators count,
	 * through policies named {@code oversight_aggregates} that are select-only; any wider
	 * policy or grant fails here.
	 */
	@Test
	void onlyWorkerAndOversightAggregatorHaveCrossTenantPoliciesEachOnItsOwnTables() throws SQLException {
		List<String> reachable = new ArrayList<>();
		List<String> foreignPolicies = new ArrayList<>();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser()) {
			try (ResultSet rows = superuser.createStatement().executeQuery("""
					select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
					where c.relkind in ('r', 'p', 'v') and n.nspname in ('app', 'control')
					  and has_table_privilege('rawabit_worker', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
					order by 1""")) {
				while (rows.next()) {
					reachable.add(rows.getString("name"));
				}
			}
			try (ResultSet rows = superuser.createStatement()
				.executeQuery(
						"""
								select p.polrelid::regclass::text || ' ' || p.polname as name from pg_policy p
								where p.polname <> 'tenant_isolation'
								  and not (p.polroles = array[(select oid from pg_roles where rolname = 'rawabit_worker')])
								  and not (p.polname = 'oversight_aggregates' and p.polcmd = 'r'
								           and p.polroles = array[(select oid from pg_roles where rolname = 'oversight_aggregator')])""")) {
				while (rows.next()) {
					foreignPolicies.add(rows.getString("name"));
				}
			}
		}
		assertThat(reachable).containsExactlyInAnyOrder("app.outbox", "app.deadline", "app.reaction_cursor",
				"app.beneficiary_message", "app.beneficiary_message_attempt", "app.outbox_purge",
				"app.policy_announcement");
		assertThat(foreignPolicies).isEmpty();
	}

	@Test
	void oversightAggregatorNeverLogsInAndOnlyReadsWhatTheIndicatorsCount() throws SQLException {
		List<String> reads = new ArrayList<>();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser()) {
			try (ResultSet rows = superuser.createStatement()
				.executeQuery(
						"""
								select c.oid::regclass::text as name,
								       has_table_privilege('oversight_aggregator', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')
								           or has_any_column_privilege('oversight_aggregator', c.oid, 'INSERT, UPDATE') as writes
								from pg_class c join pg_namespace n on n.oid = c.relnamespace
								where c.relkind in ('r', 'p', 'v') and n.nspname in ('app', 'control')
								  and (has_table_privilege('oversight_aggregator', c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')
								       or has_any_column_privilege('oversight_aggregator', c.oid, 'SELECT, INSERT, UPDATE'))
								order by 1""")) {
				while (rows.next()) {
					assertThat(rows.getBoolean("writes")).as(rows.getString("name")).isFalse();
					reads.add(rows.getString("name"));
				}
			}
			try (ResultSet role = superuser.createStatement()
				.executeQuery(
						"""
								select rolcanlogin, rolsuper, rolbypassrls,
								       (select m.inherit_option from pg_auth_members m
								        where m.roleid = r.oid and m.member = (select oid from pg_roles where rolname = 'rawabit_owner'))
								           as owner_inherits
								from pg_roles r where rolname = 'oversight_aggregator'""")) {
				assertThat(role.next()).isTrue();
				assertThat(role.getBoolean("rolcanlogin")).isFalse();
				assertThat(role.getBoolean("rolsuper")).isFalse();
				assertThat(role.getBoolean("rolbypassrls")).isFalse();
				assertThat(role.getBoolean("owner_inherits")).isFalse();
			}
		}
		assertThat(reads).containsExactlyInAnyOrder("control.tenant", "control.policy_version", "app.request",
				"app.request_decision", "app.request_deadline", "app.complaint", "app.audit_event",
				"app.survey_invitation", "app.policy_acknowledgement");
	}

	@Test
	void platformRoleMayOnlyReadTheTenantRegistry() throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				ResultSet row = superuser.createStatement()
					.executeQuery(
							"""
									select has_table_privilege('rawabit_platform', 'control.tenant', 'SELECT') as reads,
									       has_table_privilege('rawabit_platform', 'control.tenant', 'INSERT, UPDATE, DELETE') as writes,
									       has_schema_privilege('rawabit_platform', 'control', 'CREATE') as creates,
									       has_table_privilege('oversight_reader', 'app.beneficiary', 'SELECT') as oversight_reads""")) {
			row.next();
			assertThat(row.getBoolean("reads")).isTrue();
			assertThat(row.getBoolean("writes")).isFalse();
			assertThat(row.getBoolean("creates")).isFalse();
			assertThat(row.getBoolean("oversight_reads")).isFalse();
		}
	}

}

package sa.rawabit.platform.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;

/**
 * oversight_reader reads the aggregate views and nothing else; the views carry no
 * personal column.
 */
class OversightIsolationTests extends PlatformTest {

	/**
	 * Association names are public registry data; a person's name, contact or free text
	 * is not.
	 */
	private static final Pattern PERSONAL = Pattern
		.compile("national_id|name|phone|mobile|e_?mail|address|contact|text|description|body|subject|comment|token"
				+ "|hash|user|statement|rating|channel");

	private static final List<String> ASSOCIATION_NAMES = List.of("name_ar", "name_en");

	@Test
	void readerWhenSelectingAnyBaseTableThenPermissionDenied() throws SQLException {
		List<String> tables = catalog("""
				select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relkind in ('r', 'p', 'v', 'm') and n.nspname in ('app', 'control') order by 1""");
		assertThat(tables).contains("app.beneficiary", "app.request", "app.complaint", "control.tenant",
				"control.policy_version");
		List<String> readable = new ArrayList<>();
		try (Connection reader = TestDatabase.get().connectAs(DatabaseRoles.OVERSIGHT)) {
			for (String table : tables) {
				try (ResultSet ignored = reader.createStatement().executeQuery("select * from " + table + " limit 1")) {
					readable.add(table);
				}
				catch (SQLException denied) {
					assertThat(denied.getSQLState()).as(table).isEqualTo("42501");
				}
			}
		}
		assertThat(readable).isEmpty();
	}

	@Test
	void readerWhenCallingTheAggregatorDirectlyThenStillOnlyAggregates() throws SQLException {
		try (Connection reader = TestDatabase.get().connectAs(DatabaseRoles.OVERSIGHT)) {
			assertThatThrownBy(() -> reader.createStatement().executeQuery("set role oversight_aggregator"))
				.isInstanceOf(SQLException.class);
			try (ResultSet rows = reader.createStatement()
				.executeQuery("select count(*) from oversight.association_indicators")) {
				assertThat(rows.next()).isTrue();
			}
		}
	}

	@Test
	void oversightViewsExposeNoPersonalColumn() throws SQLException {
		List<String> columns = catalog("""
				select c.relname || '.' || a.attname from pg_attribute a
				join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'oversight' and c.relkind in ('v', 'm') and a.attnum > 0 and not a.attisdropped""");
		assertThat(columns).contains("association_indicators.association_slug");
		List<String> personal = columns.stream()
			.filter(column -> !ASSOCIATION_NAMES.contains(column.substring(column.indexOf('.') + 1)))
			.filter(column -> PERSONAL.matcher(column.substring(column.indexOf('.') + 1)).find())
			.toList();
		assertThat(personal).isEmpty();
	}

	/**
	 * Even inside the function the aggregator reads only what the survey and
	 * acknowledgement indicators count: never a comment, a token hash, a username or the
	 * statement ticked.
	 */
	@Test
	void aggregatorWhenReadingSurveysAndAcknowledgementsThenOnlyTheCountedColumns() throws SQLException {
		List<String> readable = catalog("""
				select c.relname || '.' || a.attname from pg_attribute a
				join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'app' and c.relname in ('survey_invitation', 'policy_acknowledgement')
				  and a.attnum > 0 and not a.attisdropped
				  and has_column_privilege('oversight_aggregator', c.oid, a.attnum, 'SELECT')""");
		assertThat(readable).containsExactlyInAnyOrder("survey_invitation.tenant_id", "survey_invitation.delivery",
				"survey_invitation.answered_at", "survey_invitation.rating", "policy_acknowledgement.tenant_id",
				"policy_acknowledgement.policy_version", "policy_acknowledgement.subject");
	}

	/**
	 * What a reader gets back from an association with answered surveys holds no answer's
	 * text.
	 */
	@Test
	void readerWhenAnswersCarryCommentsThenNoCommentTokenOrUsernameInAnyRow() throws SQLException {
		var tenant = TestTenants.register("ov-leak");
		try (var seed = new OversightSeed(tenant.id())) {
			seed.policy(1, java.time.Instant.parse("2025-01-10T09:00:00Z"), java.time.LocalDate.parse("2025-01-05"),
					"1446-07-05");
			for (int i = 0; i < 6; i++) {
				seed.survey("sent", 4);
				seed.acknowledged("leak-subject-" + i);
			}
		}
		try (Connection reader = TestDatabase.get().connectAs(DatabaseRoles.OVERSIGHT);
				ResultSet rows = reader.createStatement()
					.executeQuery("select * from oversight.association_indicators where association_slug = '"
							+ tenant.slug() + "'")) {
			assertThat(rows.next()).isTrue();
			StringBuilder all = new StringBuilder();
			for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
				all.append(rows.getString(column)).append('|');
			}
			assertThat(all.toString()).contains("|6|").doesNotContain("تعليق", "hash-", "leak-subject", "user-");
		}
	}

	@Test
	void aggregateWhenAnyApplicationRoleCallsItThenRefusedAndOnlyTheSnapshotRefreshRunsIt() throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser()) {
			for (String role : DatabaseRoles.ALL) {
				try (ResultSet rows = superuser.createStatement()
					.executeQuery("select has_function_privilege('" + role
							+ "', 'oversight.association_indicators()', 'EXECUTE'), has_function_privilege('" + role
							+ "', 'oversight.refresh_indicators()', 'EXECUTE')")) {
					assertThat(rows.next()).isTrue();
					// The snapshot's owner runs the aggregate when it refreshes; the
					// platform may ask for a refresh.
					assertThat(rows.getBoolean(1)).as(role + " runs the aggregate")
						.isEqualTo(role.equals(DatabaseRoles.OWNER));
					assertThat(rows.getBoolean(2)).as(role + " refreshes")
						.isEqualTo(role.equals(DatabaseRoles.OWNER) || role.equals(DatabaseRoles.PLATFORM));
				}
			}
		}
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			assertThatThrownBy(
					() -> platform.createStatement().executeQuery("select * from oversight.association_indicators()"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void readerCanReachOnlyTheOversightSchema() throws SQLException {
		List<String> reachable = catalog("""
				select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname not in ('pg_catalog', 'information_schema') and c.relkind in ('r', 'p', 'v', 'm')
				  and has_table_privilege('oversight_reader', c.oid, 'SELECT, INSERT, UPDATE, DELETE')""");
		assertThat(reachable).containsExactly("oversight.association_indicators");
	}

	/**
	 * The owner may hand the aggregator its functions but must not inherit its
	 * cross-association reads.
	 */
	@Test
	void ownerWithoutTenantWhenReadingPolicyVersionsThenSeesNone() throws SQLException {
		TenantId tenant = TestTenants.create("owner-check");
		try (Connection superuser = TestDatabase.get().connectAsSuperuser()) {
			superuser.createStatement()
				.executeUpdate("""
						insert into control.policy_version (tenant_id, id, number, status, source, source_sha256,
						    created_by, created_at)
						values ('%s', gen_random_uuid(), 1, 'draft', 'x', repeat('0', 64), 'test', now())"""
					.formatted(tenant.value()));
		}
		String count = "select count(*) from control.policy_version where tenant_id = '" + tenant.value() + "'";
		assertThat(countAs(TestDatabase.get().connectAsSuperuser(), count)).isOne();
		assertThat(countAs(TestDatabase.get().connectAs(DatabaseRoles.OWNER), count)).isZero();
	}

	private static long countAs(Connection connection, String sql) throws SQLException {
		try (connection; ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static List<String> catalog(String sql) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				ResultSet rows = superuser.createStatement().executeQuery(sql)) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

}

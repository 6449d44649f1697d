package sa.rawabit.platform.publicaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.database.DatabaseServer;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.testing.TestDatabase;

/**
 * V180 converts the clear tracking codes stored before it into their hashes, in every
 * association although both tables force row-level security, and drops the clear columns:
 * a code given out before the change still finds its case.
 */
class TrackingCodeMigrationTests {

	@Test
	void codesWhenStoredBeforeV180ThenHashedAsTheCodeHashesAndTheClearColumnsGone() throws SQLException {
		DatabaseServer server = TestDatabase.get().emptyDatabase("rawabit_v170_tracking");
		SchemaMigrations.migrate(server, "control");
		Flyway.configure()
			.dataSource(server.endpoint().jdbcUrl(), server.owner().username(), server.owner().password())
			.schemas("app")
			.defaultSchema("app")
			.createSchemas(true)
			.locations("classpath:db/app")
			.target("170")
			.load()
			.migrate();
		TrackingCode first = TrackingCode.random();
		TrackingCode second = TrackingCode.random();
		TrackingCode asked = TrackingCode.random();
		try (Connection owner = owner(server)) {
			complaint(owner, UUID.randomUUID(), first);
			complaint(owner, UUID.randomUUID(), second);
			inquiry(owner, UUID.randomUUID(), asked);
			inquiry(owner, UUID.randomUUID(), null);
		}

		SchemaMigrations.migrate(server, "app");

		try (Connection owner = owner(server)) {
			assertThat(strings(owner, """
					select relname || ' ' || relforcerowsecurity from pg_class
					where oid in ('app.complaint'::regclass, 'app.inquiry'::regclass)"""))
				.as("the migration put the force back")
				.containsExactlyInAnyOrder("complaint true", "inquiry true");
			assertThat(strings(owner, """
					select table_name || '.' || column_name from information_schema.columns
					where table_schema = 'app' and column_name like 'tracking%'"""))
				.containsExactlyInAnyOrder("complaint.tracking_hash", "inquiry.tracking_hash");
			// This throwaway database's owner reads every association at once.
			owner.createStatement().execute("alter table app.complaint no force row level security");
			owner.createStatement().execute("alter table app.inquiry no force row level security");
			assertThat(strings(owner, "select tracking_hash from app.complaint"))
				.containsExactlyInAnyOrder(first.hash(), second.hash());
			assertThat(strings(owner, "select coalesce(tracking_hash, 'none') from app.inquiry"))
				.containsExactlyInAnyOrder(asked.hash(), "none");
		}
	}

	/** A complaint of its own association, stored as V10 stored them: the clear code. */
	private static void complaint(Connection owner, UUID tenant, TrackingCode code) throws SQLException {
		inTenant(owner, tenant,
				"""
						insert into app.complaint (tenant_id, id, tracking_code, channel, state, complainant_name, subject,
						    description, received_by, received_at, updated_at)
						values (?, gen_random_uuid(), ?, 'website', 'received', 'مشتكٍ', 'موضوع', 'نص', 'public', now(), now())""",
				code.value());
	}

	private static void inquiry(Connection owner, UUID tenant, TrackingCode code) throws SQLException {
		inTenant(owner, tenant, """
				insert into app.inquiry (tenant_id, id, channel, state, question, contact_name, contact_channel,
				    assigned_role, received_by, received_at, updated_at, tracking_code)
				values (?, gen_random_uuid(), 'website', 'open', 'سؤال', 'سائل', 'phone', 'contact-officer', 'public',
				    now(), now(), ?)""", code == null ? null : code.value());
	}

	private static void inTenant(Connection owner, UUID tenant, String sql, String code) throws SQLException {
		owner.setAutoCommit(false);
		try (PreparedStatement scope = owner.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
			scope.setString(1, tenant.toString());
			scope.execute();
		}
		try (PreparedStatement insert = owner.prepareStatement(sql)) {
			insert.setObject(1, tenant);
			insert.setString(2, code);
			insert.executeUpdate();
		}
		owner.commit();
		owner.setAutoCommit(true);
	}

	private static List<String> strings(Connection connection, String sql) throws SQLException {
		try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	private static Connection owner(DatabaseServer server) throws SQLException {
		return DriverManager.getConnection(server.endpoint().jdbcUrl(), server.owner().username(),
				server.owner().password());
	}

}

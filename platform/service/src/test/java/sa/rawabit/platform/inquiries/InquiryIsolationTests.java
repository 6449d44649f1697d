package sa.rawabit.platform.inquiries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;

/**
 * Every inquiry table, as the platform's own database role: one association's rows are
 * invisible to another and to a transaction with no association, and cannot be written in
 * another's name. The assignment history is append-only for the platform.
 */
class InquiryIsolationTests extends PlatformTest {

	static final List<String> TABLES = List.of("app.inquiry", "app.inquiry_assignment");

	TenantId a;

	TenantId b;

	UUID inquiry;

	@BeforeEach
	void oneRowOfAInEveryTable() throws SQLException {
		a = TestTenants.create("inq-iso-a");
		b = TestTenants.create("inq-iso-b");
		inquiry = UUID.randomUUID();
		try (Connection owner = TestDatabase.get().connectAsSuperuser(); Statement sql = owner.createStatement()) {
			sql.execute("""
					insert into app.inquiry (tenant_id, id, channel, state, question, contact_name, contact_channel,
					    assigned_role, received_by, received_at, updated_at)
					values ('%s', '%s', 'phone', 'open', 'q', 'n', 'interview', 'contact-officer', 'o', now(), now())"""
				.formatted(a.value(), inquiry));
			sql.execute("""
					insert into app.inquiry_assignment (tenant_id, inquiry_id, id, assigned_role, reason, assigned_by,
					    assigned_at)
					values ('%s', '%s', gen_random_uuid(), 'contact-officer', 'r', 'o', now())""".formatted(a.value(),
					inquiry));
		}
	}

	@Test
	void inquiryTablesWhenReadAsAnotherAssociationOrNoneThenEmpty() throws SQLException {
		for (String table : TABLES) {
			assertThat(count(a, table)).as(table + " for its own association").isOne();
			assertThat(count(b, table)).as(table + " for another association").isZero();
			assertThat(count(null, table)).as(table + " with no association").isZero();
		}
	}

	@Test
	void inquiryWhenWrittenInAnotherAssociationsNameThenRefusedOrUntouched() throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				Statement sql = platform.createStatement()) {
			platform.setAutoCommit(false);
			sql.execute("select set_config('app.tenant_id', '" + b.value() + "', true)");
			assertThatThrownBy(() -> sql.execute("""
					insert into app.inquiry_assignment (tenant_id, inquiry_id, id, assigned_role, reason, assigned_by,
					    assigned_at)
					values ('%s', '%s', gen_random_uuid(), 'top-management', 'r', 'intruder', now())"""
				.formatted(a.value(), inquiry))).hasMessageContaining("row-level security");
			platform.rollback();
			sql.execute("select set_config('app.tenant_id', '" + b.value() + "', true)");
			assertThat(sql.executeUpdate("update app.inquiry set state = 'answered', answer = 'x', answered_by = 'x',"
					+ " answered_at = now() where id = '" + inquiry + "'"))
				.isZero();
			platform.rollback();
		}
	}

	@Test
	void assignmentHistoryWhenPlatformUpdatesOrDeletesThenPermissionDenied() throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				Statement sql = platform.createStatement()) {
			assertThatThrownBy(() -> sql.execute("delete from app.inquiry_assignment"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> sql.execute("update app.inquiry_assignment set reason = 'x'"))
				.hasMessageContaining("permission denied");
		}
	}

	private long count(TenantId tenant, String table) throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				Statement sql = platform.createStatement()) {
			platform.setAutoCommit(false);
			if (tenant != null) {
				sql.execute("select set_config('app.tenant_id', '" + tenant.value() + "', true)");
			}
			String column = table.equals("app.inquiry") ? "id" : "inquiry_id";
			try (ResultSet rows = sql
				.executeQuery("select count(*) from " + table + " where " + column + " = '" + inquiry + "'")) {
				rows.next();
				long n = rows.getLong(1);
				platform.rollback();
				return n;
			}
		}
	}

}

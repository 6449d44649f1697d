package sa.rawabit.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Every request table, as the platform's own database role: rows of one association are
 * invisible to another and to a transaction with no association, and cannot be written in
 * another's name. The append-only tables refuse UPDATE and DELETE to the platform
 * outright.
 */
class RequestIsolationTests extends PlatformTest {

	static final List<String> TABLES = List.of("app.request", "app.request_deadline", "app.request_declaration",
			"app.request_referral", "app.request_vote", "app.request_decision", "app.request_attachment",
			"app.request_message");

	static final List<String> APPEND_ONLY = List.of("app.request_declaration", "app.request_vote",
			"app.request_decision", "app.request_attachment", "app.request_message");

	TenantId a;

	TenantId b;

	UUID request;

	@BeforeEach
	void oneRowOfAInEveryTable() throws SQLException {
		a = TestTenants.create("req-iso-a");
		b = TestTenants.create("req-iso-b");
		request = UUID.randomUUID();
		UUID person = UUID.randomUUID();
		try (Connection owner = TestDatabase.get().connectAsSuperuser()) {
			run(owner,
					"insert into app.beneficiary (tenant_id, id, national_id, full_name, created_at) values ('%s', '%s', '1000000001', 'x', now())",
					a, person);
			run(owner,
					"""
							insert into app.request (tenant_id, id, beneficiary_id, service_id, channel, policy_version, policy_number,
							    status, checklist_size, received_at, received_by, updated_at)
							values ('%s', '%s', '%s', 's', 'fax', gen_random_uuid(), 1, 'incomplete', 1, now(), 'o', now())""",
					a, request, person);
			run(owner,
					"insert into app.request_deadline (tenant_id, request_id, deadline_id, starts_at, unit, started_on, due_by) values ('%s', '%s', 'd', 'request-complete', 'working-days', current_date, current_date)",
					a, request);
			run(owner,
					"insert into app.request_declaration (tenant_id, request_id, stage_id, text, text_version, channel, witnessed_by, signed_at) values ('%s', '%s', 's', 't', 'v', 'fax', 'o', now())",
					a, request);
			run(owner,
					"insert into app.request_referral (tenant_id, request_id, id, question, asked_by, asked_at) values ('%s', '%s', gen_random_uuid(), 'q', 'o', now())",
					a, request);
			run(owner,
					"insert into app.request_vote (tenant_id, request_id, member, vote, reason, voted_at) values ('%s', '%s', 'm', 'approve', 'r', now())",
					a, request);
			run(owner,
					"insert into app.request_decision (tenant_id, request_id, outcome, reasons, minutes, quorum, members, approvals, rejections, decided_by, decided_at) values ('%s', '%s', 'approved', 'r', 'm', 1, '{m}', 1, 0, 'm', now())",
					a, request);
			run(owner,
					"insert into app.request_attachment (tenant_id, request_id, id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at) values ('%s', '%s', gen_random_uuid(), 'f.pdf', 'application/pdf', 1, 'h', '\\x25'::bytea, 'o', now())",
					a, request);
			run(owner,
					"insert into app.request_message (tenant_id, request_id, channel, outcome, topic, sent_at) values ('%s', '%s', 'email', 'sent', 't', now())",
					a, request);
		}
	}

	@Test
	void requestTablesWhenReadAsAnotherAssociationOrNoneThenEmpty() throws SQLException {
		for (String table : TABLES) {
			assertThat(count(a, table)).as(table + " for its own association").isOne();
			assertThat(count(b, table)).as(table + " for another association").isZero();
			assertThat(count(null, table)).as(table + " with no association").isZero();
		}
	}

	@Test
	void requestWhenWrittenInAnotherAssociationsNameThenRefusedByPolicy() throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			run(platform, "select set_config('app.tenant_id', '%s', true)", b);
			assertThatThrownBy(() -> run(platform, """
					insert into app.request_vote (tenant_id, request_id, member, vote, reason, voted_at)
					values ('%s', '%s', 'intruder', 'reject', 'r', now())""", a, request))
				.hasMessageContaining("row-level security");
			platform.rollback();
			run(platform, "select set_config('app.tenant_id', '%s', true)", b);
			assertThat(updated(platform, "update app.request set status = 'closed' where id = '" + request + "'"))
				.isZero();
			platform.rollback();
		}
	}

	@Test
	void appendOnlyTablesWhenPlatformUpdatesOrDeletesThenPermissionDenied() throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			for (String table : APPEND_ONLY) {
				assertThatThrownBy(() -> run(platform, "delete from " + table)).as(table)
					.hasMessageContaining("permission denied");
			}
		}
	}

	private long count(TenantId tenant, String table) throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			if (tenant != null) {
				run(platform, "select set_config('app.tenant_id', '%s', true)", tenant);
			}
			String column = table.equals("app.request") ? "id" : "request_id";
			try (ResultSet rows = platform.createStatement()
				.executeQuery("select count(*) from " + table + " where " + column + " = '" + request + "'")) {
				rows.next();
				long n = rows.getLong(1);
				platform.rollback();
				return n;
			}
		}
	}

	private static int updated(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			return statement.executeUpdate();
		}
	}

	private static void run(Connection connection, String sql, Object... values) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql.formatted(values))) {
			statement.execute();
		}
	}

}

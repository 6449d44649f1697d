package sa.rawabit.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Publishes policy versions the way the control plane does: as tenant-admin's role, in one
 * transaction that supersedes the version in force, inserts the new one as published, names it in
 * the tenant registry and notifies every platform replica on commit. The source is stored as given,
 * unvalidated, so tests can also store what the validator would have refused.
 */
public final class TestPolicies {

	public static final String CHANNEL = "policy_published";

	private TestPolicies() {
	}

	/** Publishes {@code yaml} as the association's new version in force; returns the version's id. */
	public static UUID publish(TenantId tenant, String yaml) {
		return publish(tenant, yaml, true);
	}

	/** As {@link #publish}, but the notification is lost, as when no replica was listening. */
	public static UUID publishWithoutNotifying(TenantId tenant, String yaml) {
		return publish(tenant, yaml, false);
	}

	private static UUID publish(TenantId tenant, String yaml, boolean notify) {
		UUID version = UUID.randomUUID();
		try (Connection admin = TestDatabase.get().connectAs(DatabaseRoles.TENANT_ADMIN)) {
			admin.setAutoCommit(false);
			try {
				run(admin, "select set_config('app.tenant_id', ?, true)", tenant.toString());
				run(admin, """
						update control.policy_version set status = 'superseded', superseded_at = now()
						where tenant_id = ?::uuid and status = 'published'""", tenant.toString());
				insert(admin, tenant, version, yaml);
				run(admin, """
						update control.tenant set policy_version_id = ?::uuid, policy_published_at = now(), updated_at = now()
						where id = ?::uuid""", version.toString(), tenant.toString());
				if (notify) {
					run(admin, "select pg_notify('" + CHANNEL + "', ?)", tenant.toString());
				}
				admin.commit();
			}
			catch (SQLException ex) {
				admin.rollback();
				throw ex;
			}
			return version;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not publish a policy version of " + tenant, ex);
		}
	}

	private static void insert(Connection admin, TenantId tenant, UUID version, String yaml) throws SQLException {
		try (PreparedStatement insert = admin.prepareStatement("""
				insert into control.policy_version (tenant_id, id, number, status, source, source_sha256, created_by,
				    created_at, published_by, published_at, approval_body, approval_meeting, approval_date)
				select ?, ?, coalesce(max(number), 0) + 1, 'published', ?, ?, 'test-author', now(), 'test-admin', now(),
				       'مجلس إدارة الجمعية', 'test', current_date
				from control.policy_version where tenant_id = ?""")) {
			insert.setObject(1, tenant.value());
			insert.setObject(2, version);
			insert.setString(3, yaml);
			insert.setString(4, sha256(yaml));
			insert.setObject(5, tenant.value());
			insert.executeUpdate();
		}
	}

	private static void run(Connection admin, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = admin.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			if (statement.execute()) {
				try (ResultSet ignored = statement.getResultSet()) {
					// select set_config / pg_notify return one row nobody needs
				}
			}
		}
	}

	private static String sha256(String source) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}
}

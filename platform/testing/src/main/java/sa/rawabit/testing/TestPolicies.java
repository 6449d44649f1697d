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
 * Publishes policy versions the way the control plane does: as tenant-admin's role, in
 * one transaction that supersedes the version in force, inserts the new one as published,
 * names it in the tenant registry and notifies every platform replica on commit. The
 * source is stored as given, unvalidated, so tests can also store what the validator
 * would have refused.
 *
 * <p>
 * <b>Fixture:</b> {@link #publish} also records, for the new version, the staff
 * acknowledgement the platform requires before anyone acts on a case, for the synthetic
 * subjects of {@link TestTokens} ({@code user-<slug>} and {@code multi}), so tests about
 * requests, complaints or inquiries stay about them. Real Keycloak users (browser tests)
 * are not covered: they acknowledge on {@code /policy}. Tests of the acknowledgement gate
 * itself use {@link #publishUnacknowledged}.
 */
public final class TestPolicies {

	public static final String CHANNEL = "policy_published";

	private TestPolicies() {
	}

	/**
	 * The subject of {@link TestTokens#member}'s tokens; {@link TestTokens#staff} use
	 * {@code user-<slug>}.
	 */
	public static final String MULTI_SUBJECT = "multi";

	/**
	 * Publishes {@code yaml} as the association's new version in force, acknowledged by
	 * the synthetic token subjects (see the class comment); returns the version's id.
	 */
	public static UUID publish(TenantId tenant, String yaml) {
		return publish(TestDatabase.get(), tenant, yaml, true, true);
	}

	/**
	 * As {@link #publish(TenantId, String)}, in {@code database} (e.g. a dedicated
	 * server).
	 */
	public static UUID publish(TestDatabase database, TenantId tenant, String yaml) {
		return publish(database, tenant, yaml, true, true);
	}

	/**
	 * As {@link #publish}, but nobody has acknowledged the new version: every case action
	 * is refused.
	 */
	public static UUID publishUnacknowledged(TenantId tenant, String yaml) {
		return publish(TestDatabase.get(), tenant, yaml, true, false);
	}

	/**
	 * As {@link #publish}, but the notification is lost, as when no replica was
	 * listening.
	 */
	public static UUID publishWithoutNotifying(TenantId tenant, String yaml) {
		return publish(TestDatabase.get(), tenant, yaml, false, true);
	}

	private static UUID publish(TestDatabase database, TenantId tenant, String yaml, boolean notify,
			boolean acknowledged) {
		UUID version = UUID.randomUUID();
		if (acknowledged) {
			// Before the version exists: whoever sees it in force also sees the
			// acknowledgements.
			acknowledgeAsTestTokens(database, tenant, version);
		}
		try (Connection admin = database.connectAs(DatabaseRoles.TENANT_ADMIN)) {
			admin.setAutoCommit(false);
			try {
				run(admin, "select set_config('app.tenant_id', ?, true)", tenant.toString());
				run(admin, """
						update control.policy_version set status = 'superseded', superseded_at = now()
						where tenant_id = ?::uuid and status = 'published'""", tenant.toString());
				insert(admin, tenant, version, yaml);
				run(admin,
						"""
								update control.tenant set policy_version_id = ?::uuid, policy_published_at = now(), updated_at = now()
								where id = ?::uuid""",
						version.toString(), tenant.toString());
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

	/**
	 * Records the acknowledgement of {@code version} for {@code user-<slug>} and
	 * {@code multi}, as the platform's role inside the association; nothing when the
	 * platform's schema is not migrated here.
	 */
	private static void acknowledgeAsTestTokens(TestDatabase database, TenantId tenant, UUID version) {
		try (Connection platform = database.connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			try (PreparedStatement exists = platform
				.prepareStatement("select to_regclass('app.policy_acknowledgement') is not null");
					ResultSet row = exists.executeQuery()) {
				if (!row.next() || !row.getBoolean(1)) {
					platform.rollback();
					return;
				}
			}
			run(platform, "select set_config('app.tenant_id', ?, true)", tenant.toString());
			try (PreparedStatement insert = platform.prepareStatement(
					"""
							insert into app.policy_acknowledgement (tenant_id, policy_version, subject, username, policy_number,
							                                        statement, acknowledged_at)
							select t.id, ?, s.subject, s.subject,
							       (select coalesce(max(v.number), 0) + 1 from control.policy_version v where v.tenant_id = t.id),
							       'fixture: acknowledged by the test tokens', now()
							from control.tenant t, unnest(array['user-' || t.slug, ?]) as s(subject)
							where t.id = ?
							on conflict do nothing""")) {
				insert.setObject(1, version);
				insert.setString(2, MULTI_SUBJECT);
				insert.setObject(3, tenant.value());
				insert.executeUpdate();
			}
			platform.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not record the test tokens' acknowledgement for " + tenant, ex);
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

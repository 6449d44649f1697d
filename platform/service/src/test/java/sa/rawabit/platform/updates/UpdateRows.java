package sa.rawabit.platform.updates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.satisfaction.SurveyRows;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;

/**
 * Beneficiaries with requests, tool documents (as the control plane's role) and reads
 * under row-level security, written straight in the database so update tests need no
 * intake or upload flow.
 */
final class UpdateRows {

	private UpdateRows() {
	}

	/**
	 * The Suqya seed as the association's policy; {@code changed} gives the mosques
	 * service a checklist.
	 */
	static String suqya(String slug, boolean changed) {
		String yaml = SeedPolicies.get("suqya-makkah").yaml().replaceFirst("(?m)^  slug: .*$", "  slug: " + slug);
		if (!changed) {
			return yaml;
		}
		String mosques = "    names: { ar: سقيا المساجد والأماكن العامة, en: Water for mosques and public places }\n";
		if (!yaml.contains(mosques)) {
			throw new IllegalStateException("the Suqya seed no longer names the mosques service as expected");
		}
		return yaml.replace(mosques, mosques + "    checklist:\n      - صورة الهوية الوطنية\n");
	}

	static String mail(String who) {
		return who + "-" + UUID.randomUUID() + "@example.sa";
	}

	static UUID beneficiaryWithRequest(TenantId tenant, String email, String service) {
		UUID person = beneficiary(tenant, email);
		request(tenant, person, service, "awaiting-verification");
		return person;
	}

	static UUID beneficiary(TenantId tenant, String email) {
		UUID id = UUID.randomUUID();
		String name = "مستفيد " + email.substring(0, email.indexOf('-'));
		String nationalId = "1" + String.format("%09d", (long) (Math.random() * 999_999_999L));
		execute("""
				insert into app.beneficiary (tenant_id, id, national_id, full_name, email, contact_channel, consent_given,
				    consent_at, created_at) values (?::uuid, ?::uuid, ?, ?, ?, 'email', true, now(), now())""",
				tenant.toString(), id.toString(), nationalId, name, email);
		return id;
	}

	/**
	 * @return the beneficiary, so assertions can name who was told
	 */
	static UUID request(TenantId tenant, UUID beneficiary, String service, String status) {
		execute("""
				insert into app.request (tenant_id, id, beneficiary_id, service_id, channel, policy_version, policy_number,
				    status, checklist_size, received_at, received_by, completed_at, closed_at, updated_at)
				values (?::uuid, gen_random_uuid(), ?::uuid, ?, 'website', gen_random_uuid(), 1, ?, 0, now(), 'test',
				    case when ? = 'incomplete' then null else now() end, case when ? = 'closed' then now() end, now())""",
				tenant.toString(), beneficiary.toString(), service, status, status, status);
		return beneficiary;
	}

	static void tool(TenantId tenant, String toolId, int version, boolean isPublic, @Nullable String note) {
		execute("""
				insert into control.tool_document (tenant_id, tool_id, version, file_name, media_type, size_bytes, sha256,
				    content, public, change_note, uploaded_by, uploaded_at)
				values (?::uuid, ?, ?, 'doc.pdf', 'application/pdf', 4, repeat('a', 64), '\\x25504446'::bytea, ?, ?,
				    'admin', now())""",
				tenant.toString(), toolId, version, isPublic, note);
	}

	static void execute(String sql, Object... values) {
		boolean control = sql.contains("control.");
		try (Connection connection = control ? TestDatabase.get().connectAs(DatabaseRoles.TENANT_ADMIN)
				: TestDatabase.get().connectAsSuperuser()) {
			connection.setAutoCommit(false);
			if (control) {
				try (PreparedStatement scope = connection
					.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
					scope.setString(1, values[0].toString());
					scope.execute();
				}
			}
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < values.length; i++) {
					statement.setObject(i + 1, values[i]);
				}
				statement.execute();
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The first column of every row, read as the platform's role with the tenant set (or
	 * not).
	 */
	static List<String> rows(@Nullable TenantId tenant, String sql) {
		return SurveyRows.column(tenant, sql);
	}

}

package sa.rawabit.platform.tools;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;

import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;

import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.testing.TestDatabase;

/**
 * Tool documents stored the way tenant-admin stores them: as its database role, inside
 * the tenant.
 */
public final class ToolDocumentFixtures {

	public static final byte[] PDF = "%PDF-1.7\n% نموذج\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	private ToolDocumentFixtures() {
	}

	public static void upload(TenantId tenant, String toolId, int version, String fileName, byte[] content,
			boolean isPublic) {
		try (Connection admin = TestDatabase.get().connectAs(DatabaseRoles.TENANT_ADMIN)) {
			admin.setAutoCommit(false);
			try (PreparedStatement scope = admin.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				scope.setString(1, tenant.value().toString());
				scope.execute();
			}
			try (PreparedStatement insert = admin.prepareStatement("""
					insert into control.tool_document (tenant_id, tool_id, version, file_name, media_type, size_bytes,
					                                   sha256, content, public, change_note, uploaded_by, uploaded_at)
					values (?, ?, ?, ?, 'application/pdf', ?, ?, ?, ?, null, 'fixture', now())""")) {
				insert.setObject(1, tenant.value());
				insert.setString(2, toolId);
				insert.setInt(3, version);
				insert.setString(4, fileName);
				insert.setInt(5, content.length);
				insert.setString(6, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
				insert.setBytes(7, content);
				insert.setBoolean(8, isPublic);
				insert.executeUpdate();
			}
			admin.commit();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not store a tool document of " + tenant, ex);
		}
	}

	/**
	 * A page session (OIDC login) of a member of {@code slug} holding {@code role} there.
	 */
	public static OidcLoginMutator member(String slug, String role) {
		return SecurityMockServerConfigurers.mockOidcLogin()
			.idToken(token -> token.subject("user-" + slug)
				.claim("preferred_username", role + "@" + slug)
				.claim("organization", List.of(slug))
				.claim("groups", List.of("/" + slug + "/" + role)));
	}

}

package sa.rawabit.platform.inquiries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.DeskTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/** Inquiries through HTTP; the clock and the mail server come from {@link DeskTest}. */
abstract class InquiryTest extends DeskTest {

	/**
	 * Samtah's seed, plus what its text asks for but does not spell out: a contact
	 * officer per category and field, and an answer deadline of 3 working days from
	 * receipt (warned 1 day ahead).
	 */
	static String samtahWithContactOfficers(String slug) {
		return SeedPolicies.get("samtah-cooperative")
			.yaml()
			.replaceFirst("(?m)^  slug: .*$", "  slug: " + slug)
			.replace("""
					deadlines:
					""", """
					deadlines:
					  - id: reply-to-inquiries
					    starts-at: inquiry-received
					    maximum: 3
					    unit: working-days
					    warn-before: 1
					""")
			.replace("""
					contact-officers:
					  fallback: contact-officer
					""", """
					contact-officers:
					  assignments:
					    - { category: orphans, field: education, staff: huda }
					    - { category: orphans, role: social-researcher }
					    - { field: health, role: relations-officer }
					  fallback: contact-officer
					""");
	}

	/** A new association whose policy in force is {@link #samtahWithContactOfficers}. */
	TestTenants.TestTenant association(String prefix) {
		var tenant = TestTenants.register(prefix);
		publishInForce(tenant.id(), samtahWithContactOfficers(tenant.slug()));
		return tenant;
	}

	/**
	 * The first column of the first row of {@code sql}, read as the platform's role
	 * inside {@code tenant}.
	 */
	static String query(TenantId tenant, String sql) {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			try (PreparedStatement scope = platform.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				scope.setString(1, tenant.value().toString());
				scope.execute();
			}
			try (ResultSet rows = platform.createStatement().executeQuery(sql)) {
				String value = rows.next() ? rows.getString(1) : null;
				platform.rollback();
				return value;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code username} acknowledges the association's policy in force through the API, as
	 * every staff member does before acting on cases; a subject of its own, so each name
	 * is an acknowledgement of its own.
	 */
	void acknowledges(String slug, String username) {
		web.mutateWith(SecurityMockServerConfigurers.mockJwt()
			.jwt(jwt -> jwt.subject("sub-" + username + "@" + slug)
				.claim("preferred_username", username)
				.claim("organization", java.util.List.of(slug))
				.claim("groups", java.util.List.of("/" + slug + "/contact-officer"))))
			.post()
			.uri("/api/policy/acknowledgement")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	WebTestClient as(String slug, String... roles) {
		return web.mutateWith(TestTokens.staff(slug, roles));
	}

	/**
	 * Logs an anonymous inquiry by phone, answered by e-mail; returns the created
	 * inquiry.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> log(String slug, String role, String category, String field) {
		return as(slug, role).post()
			.uri("/api/inquiries")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "phone", "question", "ما شروط الاستفادة من برنامج الدعم؟", "category",
					category, "field", field, "contact",
					Map.of("name", "سائل", "channel", "email", "email", "asker@example.sa")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}

package sa.rawabit.platform.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.DeskTest;
import sa.rawabit.platform.updates.UpdateRecords.Association;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Updates end to end against the real database and the test mail server: a new policy version that
 * changes one service's conditions tells exactly the people with open requests for it, once, however
 * often and however concurrently the scan runs; a first version and an internal tool tell nobody.
 */
class UpdateNoticeTests extends DeskTest {

	static final String X = "mosques-water";

	static final String Y = "pilgrims-water";

	@Autowired
	UpdateScanner scanner;

	TestTenant association;

	@BeforeEach
	void associationWithPolicyInForce() {
		CLOCK.set(Instant.parse("2026-11-22T07:00:00Z"));
		association = TestTenants.register("updates");
		publishInForce(association.id(), suqya(association, false));
		assertThat(scan(association)).as("the first scan only records the baseline").isZero();
	}

	@Test
	void policyVersionWhenServiceConditionsChangeThenOnlyOpenRequestsForItAreToldOnce() throws Exception {
		String openX = mail("open-x");
		String openXAgain = mail("open-x2");
		String closedX = mail("closed-x");
		String openY = mail("open-y");
		UUID told1 = request(association.id(), beneficiary(association.id(), openX), X, "awaiting-verification");
		UUID told2 = request(association.id(), beneficiary(association.id(), openXAgain), X, "incomplete");
		request(association.id(), beneficiary(association.id(), closedX), X, "closed");
		UUID yOnly = request(association.id(), beneficiary(association.id(), openY), Y, "awaiting-verification");
		TestTenant other = TestTenants.register("updates-other");
		publishInForce(other.id(), suqya(other, false));
		scan(other);
		String otherX = mail("other-x");
		request(other.id(), beneficiary(other.id(), otherX), X, "awaiting-verification");

		publishInForce(association.id(), suqya(association, true));
		publishInForce(other.id(), suqya(other, false).replace("سياسة تنظيم", "سياسة  تنظيم"));
		// Two replicas scanning at the same moment, then a third scan later: one announcement in all.
		Mono.zip(scanner.scan(tenant(association)), scanner.scan(tenant(association))).block();
		scan(association);
		scan(other);

		assertThat(rows(association.id(), "select kind || ':' || subject || ':' || version from app.update_notice"))
			.containsExactlyInAnyOrder("service:" + X + ":2", "policy:policy:2");
		assertThat(rows(association.id(), """
				select r.beneficiary_id || ':' || r.channel || ':' || r.outcome from app.update_recipient r
				join app.update_notice n on n.id = r.notice_id where n.kind = 'service'"""))
			.containsExactlyInAnyOrder(told1 + ":email:sent", told2 + ":email:sent");
		assertThat(rows(association.id(), """
				select r.beneficiary_id::text from app.update_recipient r
				join app.update_notice n on n.id = r.notice_id where n.kind = 'policy'"""))
			.containsExactlyInAnyOrder(told1.toString(), told2.toString(), yOnly.toString());
		assertThat(SMTP.getReceivedMessagesForDomain(openX)).hasSize(2);
		MimeMessage serviceMail = serviceMessage(openX);
		assertThat((String) serviceMail.getContent()).contains("سقيا المساجد").contains("صورة الهوية الوطنية");
		assertThat(SMTP.getReceivedMessagesForDomain(openY)).hasSize(1);
		assertThat(SMTP.getReceivedMessagesForDomain(closedX)).isEmpty();
		assertThat(SMTP.getReceivedMessagesForDomain(otherX)).as("another association's reformatting changed no service")
			.hasSize(1);
		assertThat(rows(association.id(), "select action from app.audit_event where subject_type = 'update-notice'"))
			.containsExactly("update.announced", "update.announced");
	}

	@Test
	void toolDocumentWhenNewPublicVersionThenToldWithLinkAndInternalOneNot() throws Exception {
		String open = mail("tool");
		beneficiaryWithRequest(association.id(), open, Y);
		tool(association.id(), "bylaws", 1, true, null);
		tool(association.id(), "social-research-guide", 1, false, null);
		scan(association);
		assertThat(rows(association.id(), "select id from app.update_notice")).as("a first version changes nothing")
			.isEmpty();

		tool(association.id(), "bylaws", 2, true, "تعديل المادة الخامسة");
		tool(association.id(), "social-research-guide", 2, false, "internal");
		scan(association);
		scan(association);

		assertThat(rows(association.id(), "select kind || ':' || subject || ':' || version from app.update_notice"))
			.containsExactly("tool:bylaws:2");
		MimeMessage[] told = SMTP.getReceivedMessagesForDomain(open);
		assertThat(told).hasSize(1);
		assertThat((String) told[0].getContent()).contains("تعديل المادة الخامسة")
			.contains("/public/" + association.slug() + "/documents/bylaws");
	}

	@Test
	void updatesWhenOtherAssociationThenItsNoticesAndRecipientsAreInvisible() {
		beneficiaryWithRequest(association.id(), mail("isolated"), X);
		publishInForce(association.id(), suqya(association, true));
		scan(association);
		TenantId stranger = TestTenants.register("updates-stranger").id();

		assertThat(rows(association.id(), "select id from app.update_notice")).hasSize(2);
		assertThat(rows(association.id(), "select kind from app.update_recipient r join app.update_notice n on n.id = r.notice_id"))
			.as("told of the service's new conditions and of the new policy").containsExactlyInAnyOrder("service", "policy");
		assertThat(rows(stranger, "select id from app.update_notice")).isEmpty();
		assertThat(rows(stranger, "select beneficiary_id from app.update_recipient")).isEmpty();
		assertThat(rows(stranger, "select kind from app.update_watermark")).isEmpty();
		assertThat(rows(null, "select id from app.update_notice")).as("no tenant set: nothing").isEmpty();
		String notice = rows(association.id(), "select id from app.update_notice where kind = 'service'").getFirst();
		TestTenants.ensure("thimar-alkhair");
		web.mutateWith(member("thimar-alkhair", "top-management"))
			.get().uri("/updates/" + notice).exchange().expectStatus().isNotFound();
	}

	@Test
	void updatesPageWhenTopManagementThenShowsNoticeAndItsRecipients() {
		beneficiaryWithRequest(association.id(), mail("page"), X);
		publishInForce(association.id(), suqya(association, true));
		scan(association);
		String notice = rows(association.id(), "select id from app.update_notice where kind = 'service'").getFirst();
		var manager = member(association.slug(), "top-management");

		web.mutateWith(manager).get().uri("/updates").exchange().expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(html).contains("data-notice=\"" + notice + "\"").contains("سقيا المساجد"));
		web.mutateWith(manager).get().uri("/updates/" + notice).exchange().expectStatus().isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-outcome=\"sent\"").contains("مستفيد page"));
		web.mutateWith(member(association.slug(), "social-researcher")).get().uri("/updates").exchange()
			.expectStatus().isForbidden();
	}

	private static OidcLoginMutator member(String slug, String role) {
		return SecurityMockServerConfigurers.mockOidcLogin().idToken(token -> token.subject("user-" + slug)
			.claim("preferred_username", role + "@" + slug)
			.claim("organization", List.of(slug))
			.claim("groups", List.of("/" + slug + "/" + role)));
	}

	private long scan(TestTenant tenant) {
		return scanner.scan(tenant(tenant)).block();
	}

	private static Association tenant(TestTenant tenant) {
		return new Association(tenant.id(), tenant.slug(), "جمعية الاختبار");
	}

	/** The Suqya seed as this association's policy; {@code changed} gives the mosques service a checklist. */
	private static String suqya(TestTenant tenant, boolean changed) {
		String yaml = SeedPolicies.get("suqya-makkah").yaml().replaceFirst("(?m)^  slug: .*$", "  slug: " + tenant.slug());
		if (!changed) {
			return yaml;
		}
		String mosques = "    names: { ar: سقيا المساجد والأماكن العامة, en: Water for mosques and public places }\n";
		assertThat(yaml).contains(mosques);
		return yaml.replace(mosques, mosques + "    checklist:\n      - صورة الهوية الوطنية\n");
	}

	private MimeMessage serviceMessage(String address) throws Exception {
		for (MimeMessage message : SMTP.getReceivedMessagesForDomain(address)) {
			if (((String) message.getContent()).contains("شروط")) {
				return message;
			}
		}
		throw new AssertionError("no service update mailed to " + address);
	}

	private static String mail(String who) {
		return who + "-" + UUID.randomUUID() + "@example.sa";
	}

	private static UUID beneficiaryWithRequest(TenantId tenant, String email, String service) {
		UUID person = beneficiary(tenant, email);
		request(tenant, person, service, "awaiting-verification");
		return person;
	}

	private static UUID beneficiary(TenantId tenant, String email) {
		UUID id = UUID.randomUUID();
		String name = "مستفيد " + email.substring(0, email.indexOf('-'));
		String nationalId = "1" + String.format("%09d", (long) (Math.random() * 999_999_999L));
		execute("""
				insert into app.beneficiary (tenant_id, id, national_id, full_name, email, contact_channel, consent_given,
				    consent_at, created_at) values (?::uuid, ?::uuid, ?, ?, ?, 'email', true, now(), now())""",
				tenant.toString(), id.toString(), nationalId, name, email);
		return id;
	}

	/** @return the beneficiary, so assertions can name who was told */
	private static UUID request(TenantId tenant, UUID beneficiary, String service, String status) {
		execute("""
				insert into app.request (tenant_id, id, beneficiary_id, service_id, channel, policy_version, policy_number,
				    status, checklist_size, received_at, received_by, completed_at, closed_at, updated_at)
				values (?::uuid, gen_random_uuid(), ?::uuid, ?, 'website', gen_random_uuid(), 1, ?, 0, now(), 'test',
				    case when ? = 'incomplete' then null else now() end, case when ? = 'closed' then now() end, now())""",
				tenant.toString(), beneficiary.toString(), service, status, status, status);
		return beneficiary;
	}

	private static void tool(TenantId tenant, String toolId, int version, boolean isPublic, String note) {
		execute("""
				insert into control.tool_document (tenant_id, tool_id, version, file_name, media_type, size_bytes, sha256,
				    content, public, change_note, uploaded_by, uploaded_at)
				values (?::uuid, ?, ?, 'doc.pdf', 'application/pdf', 4, repeat('a', 64), '\\x25504446'::bytea, ?, ?,
				    'admin', now())""", tenant.toString(), toolId, version, isPublic, note);
	}

	private static void execute(String sql, Object... values) {
		boolean control = sql.contains("control.");
		try (Connection connection = control ? TestDatabase.get().connectAs(DatabaseRoles.TENANT_ADMIN)
				: TestDatabase.get().connectAsSuperuser()) {
			connection.setAutoCommit(false);
			if (control) {
				try (PreparedStatement scope = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
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

	/** The first column of every row, read as the platform's role with the tenant set (or not). */
	private static List<String> rows(TenantId tenant, String sql) {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			if (tenant != null) {
				try (PreparedStatement scope = platform.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
					scope.setString(1, tenant.toString());
					scope.execute();
				}
			}
			List<String> values = new ArrayList<>();
			try (ResultSet result = platform.createStatement().executeQuery(sql)) {
				while (result.next()) {
					values.add(result.getString(1));
				}
			}
			platform.rollback();
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

package sa.rawabit.platform.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static sa.rawabit.platform.updates.UpdateRows.beneficiary;
import static sa.rawabit.platform.updates.UpdateRows.beneficiaryWithRequest;
import static sa.rawabit.platform.updates.UpdateRows.mail;
import static sa.rawabit.platform.updates.UpdateRows.request;
import static sa.rawabit.platform.updates.UpdateRows.rows;
import static sa.rawabit.platform.updates.UpdateRows.tool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.DeskTest;
import sa.rawabit.platform.updates.UpdateRecords.Association;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Updates end to end against the real database and the test mail server: a new policy
 * version that changes one service's conditions tells exactly the people with open
 * requests for it, once, however often and however concurrently the scan runs; a first
 * version and an internal tool tell nobody.
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
		// Two replicas scanning at the same moment, then a third scan later: one
		// announcement in all.
		Mono.zip(scanner.scan(tenant(association)), scanner.scan(tenant(association))).block();
		scan(association);
		scan(other);

		assertThat(rows(association.id(), "select kind || ':' || subject || ':' || version from app.update_notice"))
			.containsExactlyInAnyOrder("service:" + X + ":2", "policy:policy:2");
		// Queued with the notice and sent in the background; the recipient rows then say
		// so.
		eventually(() -> assertThat(rows(association.id(), """
				select r.beneficiary_id || ':' || r.channel || ':' || r.outcome from app.update_recipient r
				join app.update_notice n on n.id = r.notice_id where n.kind = 'service'"""))
			.containsExactlyInAnyOrder(told1 + ":email:sent", told2 + ":email:sent"));
		assertThat(rows(association.id(), """
				select r.beneficiary_id::text from app.update_recipient r
				join app.update_notice n on n.id = r.notice_id where n.kind = 'policy'"""))
			.as("those told of the service's change (which names the new version) are not told the version again")
			.containsExactlyInAnyOrder(yOnly.toString());
		eventually(() -> assertThat(SMTP.getReceivedMessagesForDomain(openY)).hasSize(1));
		eventually(() -> assertThat(SMTP.getReceivedMessagesForDomain(otherX)).hasSize(1));
		assertThat(SMTP.getReceivedMessagesForDomain(openX)).hasSize(1);
		MimeMessage serviceMail = serviceMessage(openX);
		assertThat((String) serviceMail.getContent()).contains("سقيا المساجد").contains("صورة الهوية الوطنية");
		assertThat(SMTP.getReceivedMessagesForDomain(openY)).hasSize(1);
		assertThat(SMTP.getReceivedMessagesForDomain(closedX)).isEmpty();
		assertThat(SMTP.getReceivedMessagesForDomain(otherX))
			.as("another association's reformatting changed no service")
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
		eventually(() -> assertThat(SMTP.getReceivedMessagesForDomain(open)).hasSize(1));
		MimeMessage[] told = SMTP.getReceivedMessagesForDomain(open);
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
		assertThat(rows(association.id(),
				"select kind from app.update_recipient r join app.update_notice n on n.id = r.notice_id"))
			.as("told of the service's new conditions, which names the new version, once")
			.containsExactly("service");
		assertThat(rows(stranger, "select id from app.update_notice")).isEmpty();
		assertThat(rows(stranger, "select beneficiary_id from app.update_recipient")).isEmpty();
		assertThat(rows(stranger, "select kind from app.update_watermark")).isEmpty();
		assertThat(rows(null, "select id from app.update_notice")).as("no tenant set: nothing").isEmpty();
		String notice = rows(association.id(), "select id from app.update_notice where kind = 'service'").getFirst();
		TestTenants.ensure("thimar-alkhair");
		patient().mutateWith(member("thimar-alkhair", "top-management"))
			.get()
			.uri("/updates/" + notice)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void updatesPageWhenTopManagementThenShowsNoticeAndItsRecipients() {
		beneficiaryWithRequest(association.id(), mail("page"), X);
		publishInForce(association.id(), suqya(association, true));
		scan(association);
		String notice = rows(association.id(), "select id from app.update_notice where kind = 'service'").getFirst();
		var manager = member(association.slug(), "top-management");

		patient().mutateWith(manager)
			.get()
			.uri("/updates")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-notice=\"" + notice + "\"").contains("سقيا المساجد"));
		eventually(() -> patient().mutateWith(manager)
			.get()
			.uri("/updates/" + notice)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-outcome=\"sent\"").contains("مستفيد page")));
		// Between the scan and the sender's turn a recipient is "queued": named as such,
		// and counted as pending.
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement queued = superuser
					.prepareStatement("update app.update_recipient set outcome = 'queued' where notice_id = ?::uuid")) {
			queued.setString(1, notice);
			assertThat(queued.executeUpdate()).isOne();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		patient().mutateWith(manager)
			.get()
			.uri("/updates/" + notice)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-outcome=\"queued\"")
				.contains("في انتظار الإرسال")
				.doesNotContain("??"));
		patient().mutateWith(manager)
			.get()
			.uri("/updates")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).containsPattern("data-col=\"pending\">1<"));
		patient().mutateWith(member(association.slug(), "social-researcher"))
			.get()
			.uri("/updates")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	/**
	 * The first page render of a busy test machine can take longer than WebTestClient's 5
	 * s default.
	 */
	private WebTestClient patient() {
		return web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	private static OidcLoginMutator member(String slug, String role) {
		return SecurityMockServerConfigurers.mockOidcLogin()
			.idToken(token -> token.subject("user-" + slug)
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

	private static String suqya(TestTenant tenant, boolean changed) {
		return UpdateRows.suqya(tenant.slug(), changed);
	}

	private MimeMessage serviceMessage(String address) throws Exception {
		for (MimeMessage message : SMTP.getReceivedMessagesForDomain(address)) {
			if (((String) message.getContent()).contains("شروط")) {
				return message;
			}
		}
		throw new AssertionError("no service update mailed to " + address);
	}

}

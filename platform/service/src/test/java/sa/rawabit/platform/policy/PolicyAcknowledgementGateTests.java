package sa.rawabit.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.DeskTest;
import sa.rawabit.platform.beneficiaries.NationalId;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The acknowledgement gate through the JSON API: a staff member who has not acknowledged
 * the version in force is refused every case action with {@code policy-not-acknowledged}
 * (403) and may still read; acknowledging once opens the actions, a new version closes
 * them again, and an acknowledgement given in another association does not count. One
 * person ({@link #SUBJECT}) holds every role needed.
 */
class PolicyAcknowledgementGateTests extends DeskTest {

	static final String NOT_ACKNOWLEDGED = "urn:rawabit:problem:policy-not-acknowledged";

	static final String SUBJECT = "gate-person";

	static final String[] ROLES = { "relations-officer", "follow-up-committee", "contact-officer" };

	TestTenant association;

	@BeforeEach
	void associationWhoseNewVersionNobodyAcknowledged() {
		association = TestTenants.register("ack-gate");
		publishUnacknowledgedInForce(association.id(), samtah(association.slug()));
	}

	@Test
	void caseActionsWhenPolicyNotAcknowledgedThenRefusedAndAfterAcknowledgingThenAllowed() {
		refused(person(association).post().uri("/api/beneficiaries").bodyValue(beneficiary()).exchange());

		acknowledge(person(association)).jsonPath("$.acknowledged")
			.isEqualTo(true)
			.jsonPath("$.statement")
			.isEqualTo("قرأت السياسة وألتزم بها");

		String beneficiary = register(person(association));
		person(association).post()
			.uri("/api/requests")
			.bodyValue(request(beneficiary))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void everyCaseFeatureWhenNewVersionPublishedThenRefusedAgainButReadsStillAnswer() {
		acknowledge(person(association));
		String beneficiary = register(person(association));
		String request = created(person(association).post().uri("/api/requests").bodyValue(request(beneficiary)));
		String complaint = created(person(association).post().uri("/api/complaints").bodyValue(complaint()));
		String inquiry = created(person(association).post().uri("/api/inquiries").bodyValue(inquiry(beneficiary)));

		publishUnacknowledgedInForce(association.id(), samtah(association.slug()));

		refused(person(association).post().uri("/api/beneficiaries").bodyValue(beneficiary()).exchange());
		refused(person(association).post().uri("/api/requests").bodyValue(request(beneficiary)).exchange());
		refused(person(association).post()
			.uri("/api/requests/{id}/checklist", request)
			.bodyValue(Map.of("items", List.of(0)))
			.exchange());
		refused(person(association).post().uri("/api/complaints").bodyValue(complaint()).exchange());
		refused(person(association).post().uri("/api/complaints/{id}/acknowledgement", complaint).exchange());
		refused(person(association).post().uri("/api/inquiries").bodyValue(inquiry(beneficiary)).exchange());
		refused(person(association).post()
			.uri("/api/inquiries/{id}/answer", inquiry)
			.bodyValue(Map.of("text", "الجواب"))
			.exchange());

		person(association).get().uri("/api/beneficiaries/{id}", beneficiary).exchange().expectStatus().isOk();
		person(association).get().uri("/api/requests/{id}", request).exchange().expectStatus().isOk();
		person(association).get().uri("/api/complaints/{id}", complaint).exchange().expectStatus().isOk();
		person(association).get().uri("/api/inquiries/{id}", inquiry).exchange().expectStatus().isOk();
		person(association).get()
			.uri("/api/policy/acknowledgement")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.acknowledged")
			.isEqualTo(false)
			.jsonPath("$.number")
			.isEqualTo(2);

		acknowledge(person(association)).jsonPath("$.number").isEqualTo(2);
		person(association).post()
			.uri("/api/complaints/{id}/acknowledgement", complaint)
			.exchange()
			.expectStatus()
			.isOk();
		person(association).post()
			.uri("/api/inquiries/{id}/answer", inquiry)
			.bodyValue(Map.of("text", "الجواب"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void acknowledgementWhenGivenInAnotherAssociationThenDoesNotCountHere() {
		TestTenant other = TestTenants.register("ack-gate-other");
		publishUnacknowledgedInForce(other.id(), samtah(other.slug()));

		acknowledge(person(other));

		refused(person(association).post().uri("/api/beneficiaries").bodyValue(beneficiary()).exchange());
		register(person(other));
	}

	@Test
	void acknowledgingWhenRepeatedThenKeepsTheFirstMomentAndAuditsOnce() {
		String first = new String(acknowledge(person(association)).returnResult().getResponseBody());
		CLOCK.set(CLOCK.instant().plus(Duration.ofHours(1)));
		String again = new String(acknowledge(person(association)).returnResult().getResponseBody());

		assertThat(again).isEqualTo(first);
		assertThat(count(association.id(), "select count(*) from app.audit_event where action = 'policy.acknowledged'"))
			.isOne();
		assertThat(count(association.id(), "select count(*) from app.policy_acknowledgement")).isOne();
	}

	@Test
	void publicComplaintLinkWhenNobodyAcknowledgedThenStillTakesComplaints() {
		web.post()
			.uri("/public/{slug}/complaints", association.slug())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "مستفيد", "contact", "0500000000", "subject", "تأخر الرد", "description",
					"لم يصلني رد"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	/** Publishes a version nobody acknowledged and waits until this replica serves it. */
	void publishUnacknowledgedInForce(TenantId tenant, String yaml) {
		InForce.await(policies, tenant, TestPolicies.publishUnacknowledged(tenant, yaml));
	}

	/** The same person (one sign-in subject) acting for {@code tenant}. */
	WebTestClient person(TestTenant tenant) {
		JwtMutator token = SecurityMockServerConfigurers.mockJwt()
			.jwt(jwt -> jwt.subject(SUBJECT)
				.claim("preferred_username", "gate.person")
				.claim("organization", List.of(tenant.slug()))
				.claim("groups", List.of(ROLES).stream().map(role -> "/" + tenant.slug() + "/" + role).toList()));
		return web.mutateWith(token);
	}

	static WebTestClient.BodyContentSpec acknowledge(WebTestClient client) {
		return client.post().uri("/api/policy/acknowledgement").exchange().expectStatus().isOk().expectBody();
	}

	static void refused(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(NOT_ACKNOWLEDGED)
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("/policy"));
	}

	static String register(WebTestClient client) {
		return created(client.post().uri("/api/beneficiaries").bodyValue(beneficiary()));
	}

	/**
	 * The created resource's id: from its Location where the API gives one, else the
	 * body's {@code id}.
	 */
	static String created(WebTestClient.RequestHeadersSpec<?> spec) {
		var result = spec.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult();
		var location = result.getResponseHeaders().getLocation();
		if (location != null) {
			String path = location.toString();
			return path.substring(path.lastIndexOf('/') + 1);
		}
		return String.valueOf(result.getResponseBody().get("id"));
	}

	static Map<String, Object> beneficiary() {
		return Map.of("nationalId",
				NationalId.complete("1" + String.format("%08d", (int) (Math.random() * 99_999_999))), "fullName",
				"مستفيد الاختبار");
	}

	static Map<String, Object> request(String beneficiary) {
		return Map.of("beneficiaryId", beneficiary, "service", "service-request", "channel", "interview");
	}

	static Map<String, Object> complaint() {
		return Map.of("channel", "fax", "name", "مستفيد", "subject", "تأخر", "description", "لم يصلني رد");
	}

	static Map<String, Object> inquiry(String beneficiary) {
		return Map.of("channel", "interview", "question", "متى يصرف الدعم؟", "beneficiaryId", beneficiary);
	}

	static String samtah(String slug) {
		return SeedPolicies.get("samtah-cooperative").yaml().replaceFirst("(?m)^  slug: .*$", "  slug: " + slug);
	}

	static long count(TenantId tenant, String sql) {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			try (PreparedStatement scope = platform.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				scope.setString(1, tenant.toString());
				scope.execute();
			}
			try (ResultSet row = platform.createStatement().executeQuery(sql)) {
				row.next();
				long n = row.getLong(1);
				platform.rollback();
				return n;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package sa.rawabit.platform.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The public complaint link: filing and tracking without sign-in, and every kind of abuse
 * refused whole.
 */
class PublicComplaintLinkTests extends PlatformTest {

	static final Map<String, String> VALID = Map.of("name", "مستفيد", "contact", "0500000000", "subject", "تأخر الرد",
			"description", "لم يصلني رد على طلبي منذ شهر");

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	PublicGate limits;

	TestTenant association;

	@BeforeEach
	void publishPolicy() {
		limits.forgetAll();
		association = TestTenants.register("public-link");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtahWithClocks());
	}

	@AfterEach
	void forgetLimits() {
		limits.forgetAll();
	}

	@Test
	void fileWhenValidThenTrackingCodeShowsStatusWithoutSignIn() {
		Map<?, ?> filed = post(association.slug(), VALID).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String code = (String) filed.get("trackingCode");
		assertThat(code).matches("[A-Z2-7]{20}");

		web.get()
			.uri("/public/{slug}/complaints/{code}", association.slug(), code)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("received")
			.jsonPath("$.stateAr")
			.isEqualTo("مستلمة")
			.jsonPath("$.description")
			.doesNotExist();
		web.get()
			.uri("/public/{slug}/complaints/form", association.slug())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fields[0].name")
			.isEqualTo("name")
			.jsonPath("$.handler")
			.isEqualTo("follow-up-committee");
		assertThat(stored(association.id())).isOne();
		assertThat(clocks(association.id())).isEqualTo(2);
	}

	@Test
	void statusWhenCodeOfAnotherAssociationThenNotFound() {
		TestTenant other = TestTenants.register("public-other");
		ComplaintPolicies.publish(policies, other.id(), ComplaintPolicies.samtah());
		String code = (String) post(association.slug(), VALID).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("trackingCode");

		web.get().uri("/public/{slug}/complaints/{code}", other.slug(), code).exchange().expectStatus().isNotFound();
	}

	@Test
	void fileWhenValidThenOnlyTheCodesHashIsStoredAndAWrongCodeIsNotFound() {
		String code = (String) post(association.slug(), VALID).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("trackingCode");

		assertThat(count(association.id(), "select count(*) from app.complaint c where c::text like '%" + code + "%'"))
			.as("no column of the stored row holds the clear code")
			.isZero();
		assertThat(count(association.id(), "select count(*) from app.complaint where tracking_hash = '"
				+ sa.rawabit.foundation.digest.Digests.sha256Hex(code) + "'"))
			.isOne();
		web.get()
			.uri("/public/{slug}/complaints/{code}", association.slug(), code)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.trackingCode")
			.isEqualTo(code)
			.jsonPath("$.state")
			.isEqualTo("received");
		String wrong = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
		web.get()
			.uri("/public/{slug}/complaints/{code}", association.slug(), wrong)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void fileWhenAbusedThenClear4xxAndNothingStored() {
		post(association.slug(), Map.of("name", "x", "subject", "s", "description", "x".repeat(20_000))).expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:payload-too-large");
		// Sent in pieces with no Content-Length, the body is counted as it streams in.
		String large = "{\"name\":\"x\",\"subject\":\"s\",\"description\":\"" + "x".repeat(20_000) + "\"}";
		web.post()
			.uri("/public/{slug}/complaints", association.slug())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Flux.just(large.substring(0, 10_000), large.substring(10_000))
				.map(part -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8))),
					DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:payload-too-large");
		post(association.slug(), Map.of("name", " ", "contact", "x")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:validation-failed")
			.jsonPath("$.errors[*].field")
			.value(fields -> assertThat(fields.toString()).contains("name", "subject", "description"));
		Map<String, String> bot = new java.util.HashMap<>(VALID);
		bot.put("website", "http://spam.example");
		post(association.slug(), bot).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:submission-rejected");
		web.post()
			.uri("/public/{slug}/complaints", association.slug())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{not json")
			.exchange()
			.expectStatus()
			.isBadRequest();

		assertThat(stored(association.id())).isZero();
	}

	@Test
	void fileWhenSlugUnknownOrSuspendedThenSameNotFoundAsAMissingPage() {
		TestTenant suspended = TestTenants.register("public-suspended");
		ComplaintPolicies.publish(policies, suspended.id(), ComplaintPolicies.samtah());
		TestTenants.setStatus(suspended.id(), "suspended");
		TestTenant noLink = TestTenants.register("public-nolink");
		ComplaintPolicies.publish(policies, noLink.id(),
				sa.rawabit.policy.seeds.SeedPolicies.get("thimar-alkhair").yaml());

		web.get()
			.uri("/public/no-such-page/at-all")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:not-found");
		for (String slug : new String[] { "no-such-association", suspended.slug(), noLink.slug() }) {
			post(slug, VALID).expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:rawabit:problem:not-found")
				.jsonPath("$.titleEn")
				.isEqualTo("Not found");
		}
		assertThat(stored(suspended.id())).isZero();
	}

	@Test
	void fileWhenFloodedThenTooManyRequestsPerAddressThenPerAssociation() {
		int accepted = 0;
		int refused = 0;
		for (int i = 0; i < 8; i++) {
			int status = post(association.slug(), VALID).returnResult(String.class).getStatus().value();
			if (status == 201) {
				accepted++;
			}
			else {
				assertThat(status).isEqualTo(429);
				refused++;
			}
		}
		assertThat(accepted).isEqualTo(5);
		assertThat(refused).isEqualTo(3);
		assertThat(stored(association.id())).isEqualTo(5);
		post(association.slug(), VALID).expectStatus()
			.isEqualTo(429)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:too-many-requests");
	}

	private WebTestClient.ResponseSpec post(String slug, Map<String, String> form) {
		return web.post()
			.uri("/public/{slug}/complaints", slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(form)
			.exchange();
	}

	static long stored(TenantId tenant) {
		return count(tenant, "select count(*) from app.complaint");
	}

	static long clocks(TenantId tenant) {
		return count(tenant, "select count(*) from app.deadline where subject_type = 'complaint'");
	}

	static long count(TenantId tenant, String sql) {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			try (PreparedStatement scope = platform.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				scope.setString(1, tenant.toString());
				scope.execute();
			}
			try (ResultSet rows = platform.createStatement().executeQuery(sql)) {
				rows.next();
				long n = rows.getLong(1);
				platform.rollback();
				return n;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

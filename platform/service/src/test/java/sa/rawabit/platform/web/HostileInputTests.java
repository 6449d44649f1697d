package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * The bad inputs that used to escape as 500s (issue 17): each is a 4xx problem naming the
 * field, and nothing is stored.
 */
class HostileInputTests extends PlatformTest {

	static final String INVALID = "urn:rawabit:problem:invalid-characters";

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	PublicGate gate;

	TestTenant association;

	@BeforeEach
	void publish() {
		// A shared 2-core machine under load answers slower than the default 5 s.
		web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
		gate.forgetAll();
		association = TestTenants.register("hostile");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtahWithClocks());
	}

	@AfterEach
	void forget() {
		gate.forgetAll();
	}

	@Test
	void staffJsonWhenNulOrLoneSurrogateThenInvalidCharactersNamingTheFieldAndNothingStored() {
		staffComplaint(Map.of("channel", "fax", "name", "مستفيد", "subject", "شكوى", "description", "نص\u0000"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(INVALID)
			.jsonPath("$.field")
			.isEqualTo("description");
		staffComplaint(Map.of("channel", "fax", "name", "\ud800x", "subject", "شكوى", "description", "نص"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(INVALID)
			.jsonPath("$.field")
			.isEqualTo("name");
		as("relations-officer").post()
			.uri("/api/beneficiaries")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("nationalId", "1000000008", "fullName", "مستفيد", "address", "حي\u0001"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(INVALID)
			.jsonPath("$.field")
			.isEqualTo("address");

		assertThat(count(association.id(), "select count(*) from app.complaint")).isZero();
		assertThat(count(association.id(), "select count(*) from app.beneficiary")).isZero();
	}

	@Test
	void staffJsonWhenTypeWrongOrTooLongThenTheFieldIsNamed() {
		staffComplaint(Map.of("channel", "fax", "name", 12345, "subject", "شكوى", "description", "نص")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:validation-failed")
			.jsonPath("$.field")
			.isEqualTo("name");
		as("relations-officer").post()
			.uri("/api/beneficiaries")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("nationalId", "1000000008", "fullName", "مستفيد", "address", "x".repeat(100_000)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("address");
		as("relations-officer").post()
			.uri("/api/beneficiaries")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"nationalId\": \"1000000008\", \"fullName\": [1]}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("fullName");

		assertThat(count(association.id(), "select count(*) from app.complaint")).isZero();
		assertThat(count(association.id(), "select count(*) from app.beneficiary")).isZero();
	}

	@Test
	void requestWhenChecklistItemNullOrEmptyTextThenTheFieldIsNamedAndNothingStored() {
		// Found by the fuzzer (seed 20170009): [""] is read as [null] and was a 500.
		for (String items : List.of("[\"\"]", "[null]", "[0, null]")) {
			as("relations-officer").post()
				.uri("/api/requests")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"beneficiaryId\": \"" + UUID.randomUUID()
						+ "\", \"service\": \"service-request\", \"channel\": \"interview\", \"checklistReceived\": "
						+ items + "}")
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("checklistReceived");
		}
		assertThat(count(association.id(), "select count(*) from app.request")).isZero();
	}

	@Test
	void queryWhenNulOrOutOfRangeThenProblemNamingTheParameter() {
		as("relations-officer").get()
			.uri(raw("/api/requests?service=%00"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(INVALID)
			.jsonPath("$.field")
			.isEqualTo("service");
		for (String days : new String[] { "-5", "2147483647", "99999999999", "x" }) {
			as("relations-officer").get()
				.uri("/api/requests?dueWithinWorkingDays=" + days)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.field")
				.isEqualTo("dueWithinWorkingDays");
		}
	}

	@Test
	void authorizationHeaderWhenControlOrUnassignedCharacterThenProblemNamingTheHeader() {
		// U+0085 (a C1 control) and U+0378 (unassigned) pass Netty's header checks; the
		// firewall's rules refuse them when the bearer token is read.
		for (String value : new String[] { "Bearer abc\u0085", "Bearer abc\u0378" }) {
			badRequestProblem(web.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, value).exchange())
				.jsonPath("$.field")
				.isEqualTo("header");
		}
	}

	/** A 400 answered as the firewall's refusals are: a bad-request problem. */
	private static WebTestClient.BodyContentSpec badRequestProblem(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:bad-request");
	}

	@Test
	void firewallWhenInstalledThenThePlatformsOwnWithTheSameHeaderRules(@Autowired WebFilterChainProxy proxy,
			@Autowired ServerWebExchangeFirewall firewall) {
		assertThat(ReflectionTestUtils.getField(proxy, "firewall")).isSameAs(firewall);
	}

	@Test
	void pathWhenEncodedNulOrTraversalOrTooLongThenProblemBody() {
		for (String path : new String[] { "/public/%00/complaint", "/public/x/..%2Fcomplaint", "/api/me%00" }) {
			badRequestProblem(web.get().uri(raw(path)).exchange()).jsonPath("$.field").isEqualTo("path");
		}
		web.get()
			.uri("/public/{slug}/complaints/form?q=" + "x".repeat(9000), association.slug())
			.exchange()
			.expectStatus()
			.isEqualTo(414)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:uri-too-long");
	}

	@Test
	void publicJsonWhenNullBodyOrNulThenProblemNamingTheFieldAndNothingStored() {
		publicComplaint("null").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:bad-request");
		publicComplaint("{\"name\":\"a\\u0000\",\"subject\":\"s\",\"description\":\"d\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(INVALID)
			.jsonPath("$.field")
			.isEqualTo("name");
		publicComplaint("{\"name\":\"a\",\"subject\":true,\"description\":\"d\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("subject");

		assertThat(count(association.id(), "select count(*) from app.complaint")).isZero();
	}

	@Test
	void publicFormWhenMalformedEscapeOrNulOrTooLargeThenFourHundredsAndNothingStored() {
		publicForm("name=%ZZ&subject=s&description=d").expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("id=\"name-error\""));
		publicForm("name=a%00&subject=s&description=d").expectStatus().isEqualTo(422);
		publicForm("name=a&subject=s&description=" + "x".repeat(20_000)).expectStatus()
			.isEqualTo(413)
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("data-status=\"413\""));

		assertThat(count(association.id(), "select count(*) from app.complaint")).isZero();
	}

	@Test
	void delegationWhenBeyondTheHorizonThenLastDayNamedAndNothingStored() {
		for (String lastDay : new String[] { "+999999999-12-31", LocalDate.now().plusYears(6).toString() }) {
			as("top-management").post()
				.uri("/api/inquiries/delegations")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("absent", "huda", "delegate", "salem", "firstDay", LocalDate.now().toString(),
						"lastDay", lastDay))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("lastDay");
		}
		assertThat(count(association.id(), "select count(*) from app.officer_delegation")).isZero();
	}

	private WebTestClient.ResponseSpec staffComplaint(Map<String, Object> body) {
		return as("relations-officer").post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec publicComplaint(String json) {
		return web.post()
			.uri("/public/{slug}/complaints", association.slug())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private WebTestClient.ResponseSpec publicForm(String form) {
		return web.post()
			.uri("/public/{slug}/complaint", association.slug())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML)
			.bodyValue(form)
			.exchange();
	}

	/**
	 * The address exactly as typed: a URI template would encode the {@code %} of
	 * {@code %00}.
	 */
	private static URI raw(String pathAndQuery) {
		return URI.create("http://localhost" + pathAndQuery);
	}

	private WebTestClient as(String role) {
		return web.mutateWith(TestTokens.staff(association.slug(), role));
	}

	/**
	 * {@code sql}'s count as the superuser, limited to {@code tenant} by the caller's
	 * where clause or RLS-free.
	 */
	static long count(TenantId tenant, String sql) {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				var statement = superuser.prepareStatement(sql + " where tenant_id = ?::uuid")) {
			statement.setString(1, tenant.value().toString());
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

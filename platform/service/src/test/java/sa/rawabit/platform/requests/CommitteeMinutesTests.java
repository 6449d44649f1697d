package sa.rawabit.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/**
 * Samtah's research committee seated by the policy: three members, two make a quorum, the
 * majority of those present decides, top management chairs. The minutes keep who
 * attended, how each voted, the rule and the chair; attendance that does not fit is
 * refused and nothing is decided.
 */
class CommitteeMinutesTests extends RequestsTest {

	static final String SEATED = """
			committees:
			  - { role: research-committee, size: 3, quorum: 2, voting: majority-of-present, chair: top-management }

			complaints:
			""";

	@Autowired
	Transactions transactions;

	@Autowired
	DatabaseClient database;

	@Test
	void decideWhenChairRecordsMajorityOfThosePresentThenDecidedWithAttendanceRuleAndChair() {
		var association = TestTenants.register("committee");
		String slug = association.slug();
		publishInForce(association.id(),
				SeedPolicies.get("samtah-cooperative")
					.yaml()
					.replaceFirst("(?m)^  slug: .*$", "  slug: " + slug)
					.replace("complaints:\n", SEATED));
		CLOCK.setDay(LocalDate.of(2025, 6, 3));
		String person = beneficiary(slug, Map.of("nationalId", newNationalId(), "fullName", "سعاد أحمد",
				"contactChannel", "interview", "consent", true));
		String request = open(slug, person, "service-request", "interview", List.of(0, 1));
		post(slug, "relations-officer", request + "/declaration", Map.of("channel", "interview")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("awaiting-decision");
		assertThat(waitingOn(association.id().value().toString(), "research-committee")).isOne();
		assertThat(waitingOn(association.id().value().toString(), "executive-director")).isZero();
		assertThat(waitingOn("", "research-committee")).isZero();
		String chair = "chair@" + slug;
		String badr = "badr@" + slug;
		String jud = "jud@" + slug;
		vote(slug, chair, request, "approve", "top-management").expectStatus().isOk();
		vote(slug, badr, request, "reject", null).expectStatus().isOk();

		decide(slug, badr, request, List.of(chair, badr, jud), null).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:committee-attendance");
		decide(slug, chair, request, List.of(chair), "top-management").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("نصاب اللجنة 2 وحضر 1"));
		decide(slug, chair, request, List.of(chair, badr, jud), "top-management").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:committee-not-decided");

		vote(slug, jud, request, "approve", null).expectStatus().isOk();
		decide(slug, chair, request, List.of(chair, badr, jud), "top-management").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("approved");

		transactions
			.inTenant(database.sql("""
					select members, voting_rule, chair, quorum, approvals, rejections from app.request_decision
					where request_id = $1""")
				.bind(0, SamtahProcedureTests.id(request))
				.map(row -> List.of(List.of(row.get("members", String[].class)), row.get("voting_rule", String.class),
						row.get("chair", String.class), row.get("quorum", Integer.class),
						row.get("approvals", Integer.class), row.get("rejections", Integer.class)))
				.one())
			.contextWrite(TenantContext.of(association.id()))
			.as(StepVerifier::create)
			.assertNext(row -> assertThat(row).containsExactly(List.of(badr, chair, jud), "majority-of-present", chair,
					2, 2, 1))
			.verifyComplete();
	}

	/**
	 * What tenant-admin sees before a policy drops a role: open cases waiting on it, for
	 * one association only.
	 */
	private static long waitingOn(String tenant, String role) {
		try (var admin = TestDatabase.get().connectAs(DatabaseRoles.TENANT_ADMIN)) {
			admin.setAutoCommit(false);
			try (var statement = admin
				.prepareStatement("select set_config('app.tenant_id', ?, true), app.cases_waiting_on(?)")) {
				statement.setString(1, tenant);
				statement.setString(2, role);
				try (var rows = statement.executeQuery()) {
					rows.next();
					return rows.getLong(2);
				}
			}
			finally {
				admin.rollback();
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private WebTestClient.ResponseSpec vote(String slug, String member, String request, String ballot,
			String alsoRole) {
		return as(member, slug, alsoRole).post()
			.uri(request + "/votes")
			.bodyValue(Map.of("vote", ballot, "reason", "سبب " + ballot))
			.exchange();
	}

	private WebTestClient.ResponseSpec decide(String slug, String member, String request, List<String> attendees,
			String alsoRole) {
		return as(member, slug, alsoRole).post()
			.uri(request + "/decision")
			.bodyValue(Map.of("reasons", "استوفى المعايير", "minutes", "محضر الاجتماع رقم 8", "attendees", attendees))
			.exchange();
	}

	private WebTestClient as(String member, String slug, String alsoRole) {
		return web.mutateWith(alsoRole == null ? TestTokens.named(member, slug, "research-committee")
				: TestTokens.named(member, slug, "research-committee", alsoRole));
	}

}

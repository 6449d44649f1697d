package sa.rawabit.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.complaints.ComplaintBoard;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * Fifty members of one committee watching their dashboards at once cost one computation
 * of their view, and one more after a complaint is filed, which every one of them then
 * sees; the contact officer's own inquiries are computed per person.
 */
class DashboardSectionsTests extends PlatformTest {

	static final int WATCHERS = 50;

	@Autowired
	DashboardSections sections;

	@Autowired
	LiveVersions versions;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	WebTestClient web;

	TestTenant association;

	@BeforeEach
	void associationWithComplaints() {
		association = TestTenants.register("watched");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtah());
	}

	@Test
	void sectionsWhenManyWatchersOfOneRoleThenOneComputationPerChange() {
		List<StaffMember> committee = members(WATCHERS, "follow-up-committee");
		double before = computations("by-role");

		List<DashboardSections.Sections> first = watchAll(committee, null);

		assertThat(computations("by-role") - before).isEqualTo(1);
		assertThat(first).allSatisfy(seen -> assertThat(seen).isEqualTo(first.getFirst()));
		assertThat(first.getFirst().handlesComplaints()).isTrue();

		long version = versions.versionFor(association.id(), null);
		String subject = "شكوى يراها الجميع " + System.nanoTime();
		file(subject);
		Mono.fromSupplier(() -> versions.versionFor(association.id(), null))
			.filter(now -> now != version)
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(20)))
			.block(Duration.ofSeconds(10));
		long event = versions.versionFor(association.id(), null);

		List<DashboardSections.Sections> after = watchAll(committee, event);

		assertThat(computations("by-role") - before).isEqualTo(2);
		assertThat(after)
			.allSatisfy(seen -> assertThat(seen.complaints().items()).extracting(ComplaintBoard.Summary::subject)
				.contains(subject));
		assertThat(after.getFirst().complaints().total()).isEqualTo(first.getFirst().complaints().total() + 1);
	}

	@Test
	void sectionsWhenPageHeardOfAnEventThisReplicaHasNotThenComputedAfreshNotServedStale() {
		List<StaffMember> committee = members(3, "follow-up-committee");
		watchAll(committee, null);
		double before = computations("by-role");

		// The page's stream ran on a replica that is ahead: its last event is unknown
		// here.
		watchAll(committee, versions.versionFor(association.id(), null) + 1_000_000);

		assertThat(computations("by-role") - before).isEqualTo(1);
	}

	@Test
	void sectionsWhenTwoContactOfficersThenTheirViewSharedAndTheirInquiriesEachTheirOwn() {
		List<StaffMember> officers = members(2, "contact-officer");
		double byRole = computations("by-role");
		double personal = computations("personal");

		watchAll(List.of(officers.get(0), officers.get(1), officers.get(0), officers.get(1)), null);

		assertThat(computations("by-role") - byRole).isEqualTo(1);
		assertThat(computations("personal") - personal).isEqualTo(2);
	}

	private List<DashboardSections.Sections> watchAll(List<StaffMember> watchers, Long seen) {
		return Flux.fromIterable(watchers)
			.flatMap(member -> sections.of(member, seen).contextWrite(TenantContext.of(association.id())),
					watchers.size())
			.collectList()
			.block(Duration.ofSeconds(30));
	}

	private List<StaffMember> members(int count, String role) {
		return java.util.stream.IntStream.range(0, count)
			.mapToObj(i -> new StaffMember("subject-" + i, role + "-" + i + "@" + association.slug(), association.id(),
					association.slug(), Set.of(role)))
			.toList();
	}

	private double computations(String part) {
		return meters.get("rawabit.dashboard.computations").tag("part", part).counter().count();
	}

	private void file(String subject) {
		web.mutateWith(TestTokens.staff(association.slug(), "relations-officer"))
			.post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "fax", "name", "مستفيد", "subject", subject, "description", "نص الشكوى"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

}

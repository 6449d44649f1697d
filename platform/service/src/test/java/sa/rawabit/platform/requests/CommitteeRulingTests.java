package sa.rawabit.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.requests.StepViews.Vote;
import sa.rawabit.policy.Committee;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.VotingRule;

/**
 * "A committee of three, two make a quorum": the decision follows the policy's rule over
 * those present.
 */
class CommitteeRulingTests {

	static final RoleKey SERVICES = new RoleKey("services-committee");

	static final RoleKey DIRECTOR = new RoleKey("executive-director");

	static final Committee MAJORITY = new Committee(SERVICES, 3, 2, VotingRule.MAJORITY_OF_PRESENT, DIRECTOR);

	static final Committee UNANIMOUS = new Committee(SERVICES, 3, 2, VotingRule.UNANIMITY, null);

	final StaffMember chair = new StaffMember("c", "amal", null, "x", Set.of(SERVICES.value(), DIRECTOR.value()));

	final StaffMember member = new StaffMember("m", "badr", null, "x", Set.of(SERVICES.value()));

	@Test
	void majorityOfPresentWhenTwoOfThreePresentApproveThenApprovedWithAttendanceRuleAndChair() {
		var ruling = CommitteeRuling.of(MAJORITY, 1,
				List.of(vote("amal", "approve"), vote("badr", "approve"), vote("jud", "reject")),
				List.of("amal", "badr", "jud"), chair);

		assertThat(ruling.outcome()).isEqualTo(Outcome.APPROVED);
		assertThat(ruling.quorum()).isEqualTo(2);
		assertThat(ruling.attendees()).containsExactly("amal", "badr", "jud");
		assertThat(ruling.rule()).isEqualTo("majority-of-present");
		assertThat(ruling.chair()).isEqualTo("amal");
	}

	@Test
	void majorityOfPresentWhenOneApprovesAndOthersAbstainThenNoDecision() {
		assertThatThrownBy(() -> CommitteeRuling.of(MAJORITY, 1, List.of(vote("amal", "approve")),
				List.of("amal", "badr", "jud"), chair))
			.isInstanceOfSatisfying(ProblemException.class,
					problem -> assertThat(problem.getMessage()).contains("2 of the 3 present"));
	}

	@Test
	void unanimityWhenOnePresentDissentsThenNoDecisionAndWhenAllAgreeThenRejected() {
		assertThatThrownBy(() -> CommitteeRuling.of(UNANIMOUS, 1,
				List.of(vote("amal", "reject"), vote("badr", "approve")), List.of("amal", "badr"), chair))
			.isInstanceOf(ProblemException.class)
			.hasMessageContaining("Unanimity");

		var ruling = CommitteeRuling.of(UNANIMOUS, 1, List.of(vote("amal", "reject"), vote("badr", "reject")),
				List.of("amal", "badr"), member);
		assertThat(ruling.outcome()).isEqualTo(Outcome.REJECTED);
	}

	@Test
	void attendanceWhenBelowQuorumOrAboveSizeOrVoterAbsentThenRefusedNamingAttendees() {
		assertThatThrownBy(
				() -> CommitteeRuling.of(MAJORITY, 1, List.of(vote("amal", "approve")), List.of("amal"), chair))
			.isInstanceOfSatisfying(ProblemException.class,
					problem -> assertThat(problem.getMessage()).contains("quorum is 2; 1 attended"));
		assertThatThrownBy(() -> CommitteeRuling.of(MAJORITY, 1, List.of(vote("amal", "approve")),
				List.of("amal", "badr", "jud", "dana"), chair))
			.hasMessageContaining("3 members; 4 are listed");
		assertThatThrownBy(() -> CommitteeRuling.of(MAJORITY, 1,
				List.of(vote("amal", "approve"), vote("zaid", "approve")), List.of("amal", "badr"), chair))
			.hasMessageContaining("zaid");
	}

	@Test
	void chairWhenPolicyNamesChairRoleThenOnlyItsHolderPresentRecords() {
		assertThatThrownBy(() -> CommitteeRuling.of(MAJORITY, 1,
				List.of(vote("amal", "approve"), vote("badr", "approve")), List.of("amal", "badr"), member))
			.hasMessageContaining("chair records");
	}

	@Test
	void withoutCommitteeSettingsWhenTiedThenRefusedAsBefore() {
		assertThatThrownBy(() -> CommitteeRuling.of(null, 2, List.of(vote("a", "approve"), vote("b", "reject")),
				List.of(), member))
			.hasMessageContaining("tied");
		assertThat(CommitteeRuling.of(null, 1, List.of(vote("a", "approve")), List.of(), member).attendees())
			.containsExactly("a");
	}

	private static Vote vote(String member, String ballot) {
		return new Vote(member, ballot, "سبب", Instant.EPOCH);
	}

}

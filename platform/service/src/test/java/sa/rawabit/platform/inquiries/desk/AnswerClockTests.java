package sa.rawabit.platform.inquiries.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.reading.PolicyReader;
import sa.rawabit.policy.seeds.SeedPolicies;

/** Which of a policy's deadlines bounds the answer to an inquiry. */
class AnswerClockTests {

	private static Policy samtahWith(String deadline) {
		return PolicyReader.read(SeedPolicies.get("samtah-cooperative").yaml().replace("""
				deadlines:
				""", "deadlines:\n" + deadline)).orElseThrow();
	}

	@Test
	void deadlineWhenOneStartsAtInquiryReceivedThenThatOneWhateverItsId() {
		var policy = samtahWith("""
				  - { id: inquiry-answer, starts-at: request-received, maximum: 9, unit: working-days }
				  - { id: reply-to-questions, starts-at: inquiry-received, maximum: 3, unit: working-days }
				""");

		assertThat(AnswerClock.deadline(policy, "inquiry-answer"))
			.hasValueSatisfying(deadline -> assertThat(deadline.id().value()).isEqualTo("reply-to-questions"));
	}

	@Test
	void deadlineWhenAnOlderVersionHasNoneAtInquiryReceivedThenTheConfiguredId() {
		var policy = samtahWith("""
				  - { id: inquiry-answer, starts-at: request-received, maximum: 9, unit: working-days }
				""");

		assertThat(AnswerClock.deadline(policy, "inquiry-answer"))
			.hasValueSatisfying(deadline -> assertThat(deadline.maximum()).isEqualTo(9));
		assertThat(AnswerClock.deadline(policy, "something-else")).isEmpty();
	}

}

package sa.rawabit.admin.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.policy.HolidayRule;
import sa.rawabit.policy.PolicyDate;
import sa.rawabit.policy.reading.PolicyReader;
import sa.rawabit.policy.seeds.SeedPolicies;

/**
 * A holiday added on the holidays page becomes one more valid entry of the policy's
 * calendar.
 */
class NewHolidayTests {

	@Test
	void addToWhenCalendarHasNoHolidaysThenPolicyStillValidWithTheHoliday() {
		String source = new NewHoliday("يوم إضافي: بأمر ملكي", "Extra day", "1448-09-01", "hijri", "2").validated()
			.addTo(SeedPolicies.get("thimar-alkhair").yaml());

		var read = PolicyReader.read(source);
		assertThat(read.problems()).isEmpty();
		assertThat(read.orElseThrow().calendar().holidays()).singleElement().satisfies(rule -> {
			assertThat(rule).isInstanceOf(HolidayRule.OneOff.class);
			assertThat(rule.names().ar()).isEqualTo("يوم إضافي: بأمر ملكي");
			assertThat(rule.days()).isEqualTo(2);
			assertThat(((HolidayRule.OneOff) rule).date()).isEqualTo(PolicyDate.hijri(1448, 9, 1));
		});
		assertThat(read.orElseThrow().calendar().weekend()).hasSize(2);
	}

	@Test
	void addToWhenAddedTwiceThenBothKept() {
		String once = new NewHoliday("أ", "A", "2026-12-01", "gregorian", "").validated()
			.addTo(SeedPolicies.get("samtah-cooperative").yaml());
		String twice = new NewHoliday("ب", "B", "2026-12-03", "gregorian", "1").validated().addTo(once);

		assertThat(PolicyReader.read(twice).orElseThrow().calendar().holidays()).hasSize(2);
	}

	@Test
	void validatedWhenDateMalformedThenFieldProblem() {
		assertThatThrownBy(() -> new NewHoliday("أ", "A", "1448/9/1", "hijri", null).validated())
			.isInstanceOfSatisfying(ProblemException.class,
					problem -> assertThat(problem.fieldProblems()).extracting("field").contains("date"));
	}

}

package sa.rawabit.policy.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.DayUnit;
import sa.rawabit.policy.DeadlineId;
import sa.rawabit.policy.PolicyDate;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.reading.PolicyReader;

/**
 * The readings each seed's wording was given; a change here changes what an association's
 * staff must do.
 */
class SeedReadingsTest {

	@Test
	void samtahWhenReadThenReplyIsAtMostFifteenWorkingDaysFromCompletion() {
		var policy = SeedPolicies.get("samtah-cooperative").policy();
		var reply = policy.deadline(new DeadlineId("request-reply")).orElseThrow();

		assertThat(reply.maximum()).isEqualTo(15);
		assertThat(reply.minimum()).isNull();
		assertThat(reply.unit()).isEqualTo(DayUnit.WORKING_DAYS);
		assertThat(reply.startsAt().key()).isEqualTo("request-complete");
	}

	@Test
	void thimarWhenReadThenCommitteeReplyIsNotBeforeFourteenCalendarDays() {
		var reply = SeedPolicies.get("thimar-alkhair").policy().deadlines().getFirst();

		assertThat(reply.minimum()).isEqualTo(14);
		assertThat(reply.maximum()).isNull();
		assertThat(reply.unit()).isEqualTo(DayUnit.CALENDAR_DAYS);
	}

	@Test
	void professionalLibrariesWhenReadThenApprovalIsHijriEighthOfSafar1445() {
		var approval = SeedPolicies.get("professional-libraries").policy().approval();

		assertThat(approval.date()).isEqualTo(PolicyDate.hijri(1445, 2, 8));
		assertThat(approval.date().toGregorian()).isEqualTo(LocalDate.of(2023, 8, 24));
		assertThat(approval.meeting()).isEqualTo("الأول");
		assertThat(approval.session()).isEqualTo("الثالثة");
		assertThat(approval.supersedesEarlier()).isTrue();
	}

	@Test
	void tiryaqWhenReadThenApprovedInMeetingElevenOnFirstJune2025WithNcnpLicence() {
		var policy = SeedPolicies.get("tiryaq-health").policy();

		assertThat(policy.approval().meeting()).isEqualTo("11");
		assertThat(policy.approval().date()).isEqualTo(PolicyDate.gregorian(LocalDate.of(2025, 6, 1)));
		assertThat(policy.association().licence().number()).isEqualTo("5389");
	}

	@Test
	void suqyaWhenReadThenCatalogueHoldsTheTwelveWaterServices() {
		var policy = SeedPolicies.get("suqya-makkah").policy();

		assertThat(policy.services()).hasSize(12);
		assertThat(policy.services().getFirst().names().ar()).isEqualTo("سقيا الحاج والمعتمر");
	}

	@Test
	void samtahWhenReadThenComplaintsComeByWebsiteAndFaxToTheFollowUpCommittee() {
		var policy = SeedPolicies.get("samtah-cooperative").policy();
		var complaints = policy.complaints();

		assertThat(complaints.intake()).containsExactly(new ChannelId("website"), new ChannelId("fax"));
		assertThat(complaints.handler()).isEqualTo(RoleKey.FOLLOW_UP_COMMITTEE);
		assertThat(complaints.amicableSettlement()).isTrue();
		assertThat(complaints.escalation().to()).isEqualTo(RoleKey.TOP_MANAGEMENT);
		assertThat(policy.compensation().conditions()).hasSize(4);
		assertThat(policy.staffAcknowledgementRequired()).isTrue();
	}

	@Test
	void samtahWhenReadThenItsQuestionnaireIsOneAndItsVisitsAndInterviewsAreHeldInPerson() {
		var instruments = SeedPolicies.get("samtah-cooperative").policy().satisfaction().instruments();

		assertThat(instruments).extracting(i -> i.id().value() + ":" + i.kind())
			.startsWith("questionnaire:QUESTIONNAIRE", "field-survey:FIELD_SURVEY",
					"supervisory-visits:SUPERVISORY_VISIT", "interviews:INTERVIEW")
			.contains("complaints-link-follow-up:null");
	}

	@Test
	void instrumentWhenKindUnknownThenRefusedNamingTheAllowedKinds() {
		var yaml = SeedPolicies.get("samtah-cooperative").yaml().replace("kind: interview", "kind: focus-group");

		var result = PolicyReader.read(yaml);

		assertThat(result.policy()).isNull();
		assertThat(result.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("satisfaction.instruments[3].kind");
			assertThat(problem.code()).isEqualTo("not-allowed");
			assertThat(problem.messageEn()).contains("questionnaire", "supervisory-visit");
		});
	}

	@Test
	void seedsWithoutComplaintSectionWhenReadThenHaveNoComplaintsRatherThanInventedOnes() {
		assertThat(SeedPolicies.get("thimar-alkhair").policy().complaints()).isNull();
		assertThat(SeedPolicies.get("suqya-makkah").policy().approval()).isNull();
	}

	@Test
	void everySeedWhenReadThenResearchCommitteeDecides() {
		SeedPolicies.all()
			.values()
			.forEach(seed -> assertThat(seed.policy().procedure().decisionStage().role()).as(seed.slug())
				.isEqualTo(RoleKey.RESEARCH_COMMITTEE));
	}

}

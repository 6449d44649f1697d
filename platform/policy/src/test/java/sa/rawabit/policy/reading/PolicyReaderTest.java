package sa.rawabit.policy.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;

import sa.rawabit.policy.BuiltInChannel;
import sa.rawabit.policy.CaseEvent;
import sa.rawabit.policy.HolidayRule;
import sa.rawabit.policy.StageKind;

class PolicyReaderTest {

	private static String minimal() throws IOException {
		try (var in = PolicyReaderTest.class.getResourceAsStream("/minimal.yaml")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	@Test
	void readWhenMinimalPolicyThenAppliesDefaults() throws IOException {
		var policy = PolicyReader.read(minimal()).orElseThrow();

		assertThat(policy.calendar().weekend()).containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
		assertThat(policy.calendar().sectorHolidays()).isTrue();
		assertThat(policy.staffAcknowledgementRequired()).isFalse();
		assertThat(policy.channels().getFirst().names()).isEqualTo(BuiltInChannel.PHONE.names());
		assertThat(policy.procedure().decisionStage().kind()).isEqualTo(StageKind.DECISION);
	}

	@Test
	void readWhenPostCaseSurveyEnabledWithoutExpiryThenLinksLastFourteenDays() throws IOException {
		var yaml = minimal() + "satisfaction:\n  post-case-survey: { enabled: true }\n";

		var survey = PolicyReader.read(yaml).orElseThrow().satisfaction().postCaseSurvey();

		assertThat(survey.enabled()).isTrue();
		assertThat(survey.expiresAfterDays()).isEqualTo(14);
	}

	@Test
	void readWhenPostCaseSurveyGivesExpiryThenKeepsIt() throws IOException {
		var yaml = minimal() + "satisfaction:\n  post-case-survey: { enabled: true, expires-after-days: 7 }\n";

		assertThat(PolicyReader.read(yaml).orElseThrow().satisfaction().postCaseSurvey().expiresAfterDays())
			.isEqualTo(7);
	}

	@Test
	void readWhenStageNamesUnknownRoleThenReportsUnknownRoleAtTheRole() throws IOException {
		var yaml = minimal().replace("role: research-committee", "role: board");

		var problems = PolicyReader.read(yaml).problems();

		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo("unknown-role");
			assertThat(p.path()).isEqualTo("procedure.stages[0].role");
			assertThat(p.line()).isEqualTo(14);
			assertThat(p.messageAr()).contains("board");
		});
	}

	@Test
	void readWhenCustomChannelHasNamesThenKeepsItsLabels() throws IOException {
		var yaml = minimal().replace("channels: [phone]",
				"channels:\n  - id: whatsapp\n    names: { ar: واتساب, en: WhatsApp }");

		var policy = PolicyReader.read(yaml).orElseThrow();

		assertThat(policy.channels().getFirst().builtIn()).isFalse();
		assertThat(policy.channels().getFirst().names().en()).isEqualTo("WhatsApp");
	}

	@Test
	void readWhenHijriHolidayHasOffsetThenKeepsTheRule() throws IOException {
		var yaml = minimal() + """
				calendar:
				  sector-holidays: false
				  holidays:
				    - id: eid
				      names: { ar: العيد, en: Eid }
				      hijri: 10-01
				      offset-days: -1
				      days: 4
				""";

		var rule = PolicyReader.read(yaml).orElseThrow().calendar().holidays().getFirst();

		assertThat(rule)
			.isEqualTo(new HolidayRule.Hijri("eid", sa.rawabit.policy.Text.of("العيد", "Eid"), 10, 1, -1, 4));
	}

	@Test
	void readWhenDeadlineStartsAtInquiryReceivedThenItIsTheInquiryAnswerDeadline() throws IOException {
		var yaml = minimal() + """
				deadlines:
				  - { id: reply-to-questions, starts-at: inquiry-received, maximum: 3, unit: working-days }
				""";

		var policy = PolicyReader.read(yaml).orElseThrow();

		assertThat(policy.deadlinesStartingAt(CaseEvent.INQUIRY_RECEIVED)).singleElement()
			.satisfies(deadline -> assertThat(deadline.id().value()).isEqualTo("reply-to-questions"));
		assertThat(policy.deadlinesStartingAt(CaseEvent.REQUEST_RECEIVED)).isEmpty();
	}

	@Test
	void readWhenDeadlineStartsAtUnknownEventThenProblemListsInquiryReceivedAmongTheKnown() throws IOException {
		var yaml = minimal() + """
				deadlines:
				  - { id: reply, starts-at: question-asked, maximum: 3, unit: working-days }
				""";

		assertThat(PolicyReader.read(yaml).problems()).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo("unknown-event");
			assertThat(p.messageEn()).contains("inquiry-received");
		});
	}

	@Test
	void readWhenDuplicateKeyThenReportsDuplicateKeyInsteadOfKeepingTheLast() throws IOException {
		var problems = PolicyReader.read(minimal() + "title: أخرى\n").problems();

		assertThat(problems).extracting(PolicyProblem::code, PolicyProblem::path)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("duplicate-key", "title"));
	}

	@Test
	void readWhenTwoDocumentsThenReportsSyntaxProblemNotException() throws IOException {
		var problems = PolicyReader.read(minimal() + "---\ntitle: x\n").problems();

		assertThat(problems).singleElement().extracting(PolicyProblem::code).isEqualTo("yaml-syntax");
	}

	@Test
	void readWhenAliasBombThenReportsProblemInsteadOfExhaustingMemory() {
		var bomb = new StringBuilder("a: &a [x, x]\n");
		for (char c = 'b'; c <= 'z'; c++) {
			bomb.append(c)
				.append(": &")
				.append(c)
				.append(" [*")
				.append((char) (c - 1))
				.append(", *")
				.append((char) (c - 1))
				.append("]\n");
		}

		var result = PolicyReader.read(bomb.toString());

		assertThat(result.isValid()).isFalse();
		assertThat(result.problems()).isNotEmpty();
	}

	@Test
	void orElseThrowWhenInvalidThenExceptionCarriesTheProblems() {
		var result = PolicyReader.read("title: x\n");

		assertThatThrownBy(result::orElseThrow).isInstanceOfSatisfying(InvalidPolicyException.class,
				ex -> assertThat(ex.problems()).isEqualTo(result.problems()));
	}

}

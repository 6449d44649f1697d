package sa.rawabit.platform.complaints;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.FieldChecks;

/**
 * The policy's compensation conditions, each evidenced: the association caused the harm;
 * the investigation committee's minutes, dated and signed by its members; a final ruling;
 * the negotiation with the beneficiary. Nullable because a request may leave any of them
 * out - and is then refused.
 */
record CompensationEvidence(@Nullable Boolean associationCausedHarm, @Nullable Minutes minutes,
		@Nullable String finalRulingReference, @Nullable String negotiationRecord) {

	record Minutes(@Nullable String reference, @Nullable LocalDate dated, @Nullable Boolean signedByMembers) {
	}

	/**
	 * @throws sa.rawabit.foundation.problem.ProblemException 400 naming every condition
	 * not evidenced
	 */
	void requireComplete(LocalDate today) {
		FieldChecks checks = new FieldChecks()
			.check(Boolean.TRUE.equals(associationCausedHarm), "associationCausedHarm",
					"Compensation needs it established that the association caused the harm",
					"يشترط للتعويض ثبوت أن الجمعية هي من تسبب في الضرر")
			.check(minutes != null, "minutes", "The investigation committee's minutes are required",
					"محضر لجنة التحقيق والمتابعة مطلوب");
		if (minutes != null) {
			checks.required("minutes.reference", minutes.reference(), 200)
				.check(minutes.dated() != null && !minutes.dated().isAfter(today), "minutes.dated",
						"The minutes must carry their date (not in the future)",
						"يجب أن يكون المحضر مؤرخاً (لا بتاريخ مستقبلي)")
				.check(Boolean.TRUE.equals(minutes.signedByMembers()), "minutes.signedByMembers",
						"The minutes must be signed by the committee's members",
						"يجب أن يكون المحضر معتمداً من أعضاء اللجنة");
		}
		checks.required("finalRulingReference", finalRulingReference, 200)
			.required("negotiationRecord", negotiationRecord, 5000)
			.orThrow();
	}
}

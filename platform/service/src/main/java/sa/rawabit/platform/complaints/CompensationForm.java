package sa.rawabit.platform.complaints;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import sa.rawabit.foundation.problem.ProblemException;

/**
 * The compensation form on a complaint's page, as typed (kept when refused). Its fields
 * are named as the evidence's, so each problem the desk names ({@code minutes.dated}…)
 * lands next to its own input.
 */
record CompensationForm(boolean associationCausedHarm, @Nullable String minutesReference, @Nullable String minutesDated,
		boolean minutesSigned, @Nullable String finalRulingReference, @Nullable String negotiationRecord) {

	static CompensationForm empty() {
		return new CompensationForm(false, null, null, false, null, null);
	}

	/** A checkbox is sent only when ticked. */
	static CompensationForm of(MultiValueMap<String, String> form) {
		return new CompensationForm(form.containsKey("associationCausedHarm"), form.getFirst("minutes.reference"),
				form.getFirst("minutes.dated"), form.containsKey("minutes.signedByMembers"),
				form.getFirst("finalRulingReference"), form.getFirst("negotiationRecord"));
	}

	/**
	 * The evidence for the desk; a date the browser did not send as yyyy-mm-dd is that
	 * field's problem.
	 */
	CompensationEvidence evidence() {
		return new CompensationEvidence(associationCausedHarm ? Boolean.TRUE : null,
				new CompensationEvidence.Minutes(minutesReference, dated(), minutesSigned ? Boolean.TRUE : null),
				finalRulingReference, negotiationRecord);
	}

	private @Nullable LocalDate dated() {
		if (minutesDated == null || minutesDated.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(minutesDated.strip());
		}
		catch (DateTimeParseException notADate) {
			throw ProblemException.invalidField("minutes.dated", "Not a date", "ليس تاريخاً صحيحاً");
		}
	}
}

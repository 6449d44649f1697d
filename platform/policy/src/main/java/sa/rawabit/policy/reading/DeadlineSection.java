package sa.rawabit.policy.reading;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.CaseEvent;
import sa.rawabit.policy.DayUnit;
import sa.rawabit.policy.Deadline;
import sa.rawabit.policy.DeadlineId;
import sa.rawabit.policy.reading.Reading.Kind;

/**
 * Waits the policy imposes: from which event, at least and/or at most how long, in which
 * days.
 */
final class DeadlineSection {

	/** A year of days is the longest wait any policy plausibly sets; larger is a typo. */
	private static final int MAX_DAYS = 366;

	private DeadlineSection() {
	}

	static @Nullable Deadline deadline(At at) {
		var f = at.fields(Set.of("id", "starts-at", "ends-at", "minimum", "maximum", "unit", "warn-before"));
		if (f == null) {
			return null;
		}
		var id = f.req("id", Values::id);
		if (id != null) {
			at.reading().declare(Kind.DEADLINE, id, at);
		}
		var startsAt = f.req("starts-at", DeadlineSection::event);
		var endsAt = f.opt("ends-at", DeadlineSection::event);
		var minimum = f.opt("minimum", a -> Values.integer(a, 0, MAX_DAYS));
		var maximum = f.opt("maximum", a -> Values.integer(a, 1, MAX_DAYS));
		var unit = f.req("unit", a -> Values.keyed(a, DayUnit.class));
		var warnBefore = f.opt("warn-before", a -> Values.integer(a, 1, MAX_DAYS));
		checkBounds(f, minimum, maximum, warnBefore);
		return new Deadline(id == null ? null : new DeadlineId(id), startsAt, endsAt, minimum, maximum, unit,
				warnBefore);
	}

	private static @Nullable CaseEvent event(At at) {
		return Values.keyed(at, CaseEvent.class, Code.UNKNOWN_EVENT);
	}

	private static void checkBounds(Fields f, @Nullable Integer minimum, @Nullable Integer maximum,
			@Nullable Integer warnBefore) {
		if (!f.has("minimum") && !f.has("maximum")) {
			f.at().report(Code.MISSING_BOUND);
		}
		if (minimum != null && maximum != null && minimum > maximum) {
			f.req("minimum").report(Code.MINIMUM_EXCEEDS_MAXIMUM, minimum, maximum);
		}
		var warnAt = f.opt("warn-before");
		if (warnAt != null && warnBefore != null) {
			if (!f.has("maximum")) {
				warnAt.report(Code.WARN_NEEDS_MAXIMUM);
			}
			else if (maximum != null && warnBefore >= maximum) {
				warnAt.report(Code.WARN_NOT_BEFORE_MAXIMUM, warnBefore, maximum);
			}
		}
	}

}

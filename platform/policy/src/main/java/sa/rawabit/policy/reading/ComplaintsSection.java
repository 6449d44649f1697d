package sa.rawabit.policy.reading;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.Compensation;
import sa.rawabit.policy.Complaints;
import sa.rawabit.policy.DayUnit;
import sa.rawabit.policy.DeadlineId;
import sa.rawabit.policy.reading.Reading.Kind;

/** Complaints and disputes, and when they end in compensation. */
final class ComplaintsSection {

	private ComplaintsSection() {
	}

	static @Nullable Complaints complaints(At at) {
		var f = at.fields(Set.of("intake", "public-link", "handler", "acknowledgement", "resolution", "escalation",
				"amicable-settlement"));
		if (f == null) {
			return null;
		}
		return new Complaints(f.list("intake", true, OfferingSection::enabledChannel), f.flag("public-link", false),
				f.req("handler", Values::role), f.opt("acknowledgement", ComplaintsSection::deadlineRef),
				f.opt("resolution", ComplaintsSection::deadlineRef), f.opt("escalation", ComplaintsSection::escalation),
				f.flag("amicable-settlement", false));
	}

	private static @Nullable DeadlineId deadlineRef(At at) {
		var id = Values.id(at);
		if (id == null) {
			return null;
		}
		at.reading().refer(Kind.DEADLINE, id, at, Code.UNKNOWN_DEADLINE);
		return new DeadlineId(id);
	}

	private static Complaints.@Nullable Escalation escalation(At at) {
		var f = at.fields(Set.of("to", "after", "unit"));
		if (f == null) {
			return null;
		}
		var after = f.opt("after", a -> Values.integer(a, 1, 366));
		var unit = f.has("after") ? f.req("unit", a -> Values.keyed(a, DayUnit.class))
				: f.opt("unit", a -> Values.keyed(a, DayUnit.class));
		return new Complaints.Escalation(f.req("to", Values::role), after, unit == null ? DayUnit.WORKING_DAYS : unit);
	}

	static @Nullable Compensation compensation(At at) {
		var f = at.fields(Set.of("conditions", "evidence"));
		if (f == null) {
			return null;
		}
		return new Compensation(f.list("conditions", true, Values::text), f.list("evidence", false, Values::text));
	}

}

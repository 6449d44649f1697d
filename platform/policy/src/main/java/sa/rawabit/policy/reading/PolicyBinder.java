package sa.rawabit.policy.reading;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.CalendarRules;
import sa.rawabit.policy.Policy;

/** Maps the top-level keys of a policy document onto the model, section by section. */
final class PolicyBinder {

	static final Set<String> KEYS = Set.of("association", "title", "preamble", "scope", "goals", "approval", "channels",
			"tools", "services", "procedure", "deadlines", "calendar", "complaints", "compensation", "satisfaction",
			"contact-officers", "staff-acknowledgement", "privacy", "commitments", "roles", "committees", "telling");

	private PolicyBinder() {
	}

	static @Nullable Policy bind(At root) {
		var f = root.fields(KEYS);
		if (f == null) {
			return null;
		}
		var calendar = f.opt("calendar", CalendarSection::calendar);
		return new Policy(f.req("association", IdentitySection::association), f.req("title", Values::text),
				f.opt("preamble", Values::text), f.opt("scope", Values::text), f.opt("goals", IdentitySection::goals),
				f.opt("approval", IdentitySection::approval), f.list("channels", true, OfferingSection::channel),
				f.list("tools", false, OfferingSection::tool), f.list("services", true, OfferingSection::service),
				f.req("procedure", ProcedureSection::procedure), f.list("deadlines", false, DeadlineSection::deadline),
				calendar == null ? CalendarRules.saudiDefault() : calendar,
				f.opt("complaints", ComplaintsSection::complaints),
				f.opt("compensation", ComplaintsSection::compensation),
				f.opt("satisfaction", CareSection::satisfaction),
				f.opt("contact-officers", CareSection::contactOfficers), f.flag("staff-acknowledgement", false),
				f.opt("privacy", CareSection::privacy), f.list("commitments", false, Values::text),
				f.list("roles", false, RolesSection::role), f.list("committees", false, RolesSection::committee),
				f.list("telling", false, OfferingSection::enabledChannel));
	}

}

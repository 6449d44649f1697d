package sa.rawabit.policy.reading;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.Cadence;
import sa.rawabit.policy.ContactOfficers;
import sa.rawabit.policy.InstrumentId;
import sa.rawabit.policy.InstrumentKind;
import sa.rawabit.policy.MaskedField;
import sa.rawabit.policy.Privacy;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Satisfaction;
import sa.rawabit.policy.reading.Reading.Kind;

/**
 * Satisfaction, contact officers and privacy: how the association keeps the relationship
 * healthy.
 */
final class CareSection {

	private CareSection() {
	}

	static @Nullable Satisfaction satisfaction(At at) {
		var f = at.fields(Set.of("instruments", "post-case-survey"));
		if (f == null) {
			return null;
		}
		var survey = f.opt("post-case-survey", CareSection::survey);
		return new Satisfaction(f.list("instruments", false, CareSection::instrument),
				survey == null ? Satisfaction.PostCaseSurvey.off() : survey);
	}

	private static Satisfaction.@Nullable Instrument instrument(At at) {
		var f = at.fields(Set.of("id", "names", "cadence", "owner", "kind"));
		if (f == null) {
			return null;
		}
		var id = f.req("id", Values::id);
		if (id != null) {
			at.reading().declare(Kind.INSTRUMENT, id, at);
		}
		return new Satisfaction.Instrument(id == null ? null : new InstrumentId(id), f.req("names", Values::names),
				f.req("cadence", a -> Values.keyed(a, Cadence.class)), f.opt("owner", Values::role),
				f.opt("kind", a -> Values.keyed(a, InstrumentKind.class)));
	}

	private static Satisfaction.@Nullable PostCaseSurvey survey(At at) {
		var f = at.fields(Set.of("enabled", "expires-after-days"));
		if (f == null) {
			return null;
		}
		var enabled = f.flag("enabled", false);
		var expires = f.opt("expires-after-days", a -> Values.integer(a, 1, 366));
		return new Satisfaction.PostCaseSurvey(enabled,
				expires == null ? Satisfaction.PostCaseSurvey.DEFAULT_EXPIRY_DAYS : expires);
	}

	static @Nullable ContactOfficers contactOfficers(At at) {
		var f = at.fields(Set.of("assignments", "fallback"));
		if (f == null) {
			return null;
		}
		var fallback = f.opt("fallback", Values::role);
		return new ContactOfficers(f.list("assignments", false, CareSection::assignment),
				fallback == null ? RoleKey.CONTACT_OFFICER : fallback);
	}

	private static ContactOfficers.@Nullable Assignment assignment(At at) {
		var f = at.fields(Set.of("category", "field", "role", "staff"));
		if (f == null) {
			return null;
		}
		if (f.has("role") == f.has("staff")) {
			at.report(Code.ONE_OF, "role, staff");
		}
		return new ContactOfficers.Assignment(f.opt("category", Values::string), f.opt("field", Values::string),
				f.opt("role", Values::role), f.opt("staff", Values::string));
	}

	static @Nullable Privacy privacy(At at) {
		var f = at.fields(Set.of("confidential", "intellectual-property", "retention-years", "masked-fields"));
		if (f == null) {
			return null;
		}
		var masked = EnumSet.noneOf(MaskedField.class);
		masked.addAll(f.list("masked-fields", false, a -> Values.keyed(a, MaskedField.class)));
		return new Privacy(f.flag("confidential", true), f.flag("intellectual-property", false),
				f.opt("retention-years", a -> Values.integer(a, 1, 100)), masked);
	}

}

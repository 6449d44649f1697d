package sa.rawabit.policy.reading;

import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.Approval;
import sa.rawabit.policy.Association;
import sa.rawabit.policy.Goals;

/** Who the policy belongs to, what it is for, and who approved it. */
final class IdentitySection {

	private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

	private IdentitySection() {
	}

	static @Nullable Association association(At at) {
		var f = at.fields(Set.of("slug", "names", "licence", "region"));
		if (f == null) {
			return null;
		}
		var slug = f.req("slug", IdentitySection::slug);
		var names = f.req("names", Values::names);
		var licence = f.opt("licence", IdentitySection::licence);
		var region = f.opt("region", Values::string);
		return new Association(slug, names, licence, region);
	}

	private static @Nullable String slug(At at) {
		var value = at.scalar();
		if (value != null && (!SLUG.matcher(value).matches() || value.length() > 40)) {
			at.report(Code.INVALID_ID, value);
			return null;
		}
		return value;
	}

	private static Association.@Nullable Licence licence(At at) {
		var f = at.fields(Set.of("authority", "number"));
		if (f == null) {
			return null;
		}
		return new Association.Licence(f.req("authority", Values::text), f.req("number", Values::string));
	}

	static @Nullable Goals goals(At at) {
		var f = at.fields(Set.of("general", "detailed"));
		if (f == null) {
			return null;
		}
		return new Goals(f.opt("general", Values::text), f.list("detailed", false, Values::text));
	}

	static @Nullable Approval approval(At at) {
		var f = at.fields(Set.of("body", "meeting", "session", "date", "supersedes-earlier"));
		if (f == null) {
			return null;
		}
		return new Approval(f.req("body", Values::text), f.opt("meeting", Values::string),
				f.opt("session", Values::string), f.opt("date", Values::date), f.flag("supersedes-earlier", false));
	}

}

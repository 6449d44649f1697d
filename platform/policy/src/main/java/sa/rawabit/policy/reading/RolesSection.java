package sa.rawabit.policy.reading;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.Committee;
import sa.rawabit.policy.PolicyRole;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.VotingRule;
import sa.rawabit.policy.reading.Reading.Kind;

/**
 * The association's own bodies: roles beside the built-in ones, and how its committees
 * sit.
 */
final class RolesSection {

	private RolesSection() {
	}

	/**
	 * {@code {id, names, description?}}; an id may not be a built-in role's (that one
	 * needs no declaring).
	 */
	static @Nullable PolicyRole role(At at) {
		var f = at.fields(Set.of("id", "names", "description"));
		if (f == null) {
			return null;
		}
		var id = f.req("id", Values::id);
		var names = f.req("names", Values::names);
		var description = f.opt("description", Values::text);
		if (id == null) {
			return null;
		}
		if (new RoleKey(id).isKnown()) {
			f.opt("id").report(Code.ROLE_IS_BUILT_IN, id);
			return null;
		}
		at.reading().declare(Kind.ROLE, id, at);
		return names == null ? null : new PolicyRole(new RoleKey(id), names, description);
	}

	/**
	 * {@code {role, size, quorum, voting?, chair?}}: one entry per committee role, quorum
	 * ≤ size.
	 */
	static @Nullable Committee committee(At at) {
		var f = at.fields(Set.of("role", "size", "quorum", "voting", "chair"));
		if (f == null) {
			return null;
		}
		var role = f.req("role", Values::role);
		if (role != null) {
			at.reading().declare(Kind.COMMITTEE, role.value(), at);
		}
		var size = f.req("size", a -> Values.integer(a, 1, 99));
		var quorum = f.req("quorum", a -> Values.integer(a, 1, 99));
		var voting = f.opt("voting", a -> Values.keyed(a, VotingRule.class));
		var chair = f.opt("chair", Values::role);
		if (size != null && quorum != null && quorum > size) {
			f.opt("quorum").report(Code.QUORUM_EXCEEDS_SIZE, quorum, size);
			return null;
		}
		if (role == null || size == null || quorum == null) {
			return null;
		}
		return new Committee(role, size, quorum, voting == null ? VotingRule.MAJORITY_OF_PRESENT : voting, chair);
	}

}

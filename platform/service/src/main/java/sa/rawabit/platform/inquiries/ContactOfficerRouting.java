package sa.rawabit.platform.inquiries;

import org.jspecify.annotations.Nullable;
import sa.rawabit.policy.ContactOfficers;
import sa.rawabit.policy.ContactOfficers.Assignment;
import sa.rawabit.policy.RoleKey;

/**
 * The policy's contact-officer map applied to one inquiry. An assignment that names a category or a
 * field matches only inquiries with that value; one that leaves it out matches any. The most specific
 * match wins (category and field, then category alone, then field alone), the first listed among
 * equals; with none, the map's fallback, and without a map at all the contact officers' role.
 */
final class ContactOfficerRouting {

	private ContactOfficerRouting() {
	}

	static Officer route(@Nullable ContactOfficers map, @Nullable String category, @Nullable String field) {
		if (map == null) {
			return Officer.role(RoleKey.CONTACT_OFFICER.value());
		}
		Assignment best = null;
		int bestScore = -1;
		for (Assignment assignment : map.assignments()) {
			int score = score(assignment, category, field);
			if (score > bestScore) {
				best = assignment;
				bestScore = score;
			}
		}
		if (best == null) {
			return Officer.role(map.fallback().value());
		}
		return best.staff() != null ? Officer.named(best.staff()) : Officer.role(best.role().value());
	}

	/** -1 when the assignment does not apply; otherwise higher for more specific (category weighs most). */
	private static int score(Assignment assignment, @Nullable String category, @Nullable String field) {
		if (assignment.category() != null && !assignment.category().equals(category)
				|| assignment.field() != null && !assignment.field().equals(field)) {
			return -1;
		}
		if (assignment.category() == null && assignment.field() == null) {
			return -1; // says nothing about whom it covers: the fallback's job
		}
		return (assignment.category() != null ? 2 : 0) + (assignment.field() != null ? 1 : 0);
	}
}

package sa.rawabit.platform.inquiries.desk;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.inquiries.delegation.Delegation;
import sa.rawabit.policy.ContactOfficers.Assignment;
import sa.rawabit.policy.ContactOfficers;
import sa.rawabit.policy.RoleKey;

/**
 * The policy's contact-officer map applied to one inquiry. An assignment that names a
 * category or a field matches only inquiries with that value; one that leaves it out
 * matches any. The most specific match wins (category and field, then category alone,
 * then field alone), the first listed among equals; with none, the map's fallback, and
 * without a map at all the contact officers' role. A named officer absent on the day of
 * receipt is replaced by the delegate covering them that day (one step: a delegate's own
 * absence is not followed further).
 */
final class ContactOfficerRouting {

	/**
	 * Reason codes written into the assignment history, shown in the reader's language.
	 */
	static final String ROUTED = "routed";

	static final String DELEGATED = "delegated";

	private ContactOfficerRouting() {
	}

	/**
	 * Who receives the inquiry and why.
	 *
	 * @param coveringFor the absent officer the map named, when a delegate receives it
	 * instead
	 */
	record Routed(Officer officer, String reasonCode, @Nullable String coveringFor) {
	}

	/**
	 * The map's officer, or their delegate when one of {@code delegations} covers them on
	 * {@code day}.
	 */
	static Routed route(@Nullable ContactOfficers map, @Nullable String category, @Nullable String field, LocalDate day,
			List<Delegation> delegations) {
		Officer named = route(map, category, field);
		if (named.staff() != null) {
			for (Delegation delegation : delegations) {
				if (delegation.covers(named.staff(), day)) {
					return new Routed(Officer.named(delegation.delegate()), DELEGATED, named.staff());
				}
			}
		}
		return new Routed(named, ROUTED, null);
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

	/**
	 * -1 when the assignment does not apply; otherwise higher for more specific (category
	 * weighs most).
	 */
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

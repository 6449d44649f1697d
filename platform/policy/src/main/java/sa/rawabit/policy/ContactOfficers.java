package sa.rawabit.policy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who answers inquiries per beneficiary category and field of work; {@code fallback}
 * answers the rest.
 */
public record ContactOfficers(List<Assignment> assignments, RoleKey fallback) {

	public ContactOfficers {
		assignments = List.copyOf(assignments);
	}

	/** Either a role or a named staff member, never both. */
	public record Assignment(@Nullable String category, @Nullable String field, @Nullable RoleKey role,
			@Nullable String staff) {
	}
}

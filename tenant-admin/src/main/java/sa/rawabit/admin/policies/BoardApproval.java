package sa.rawabit.admin.policies;

import org.jspecify.annotations.Nullable;
import sa.rawabit.policy.PolicyDate;

/**
 * The board decision that puts a version in force, e.g. "meeting 11, session 3, 1445/2/8
 * هـ". The date keeps the calendar it was written in; the Gregorian day is derived for
 * ordering and reports.
 */
public record BoardApproval(String body, @Nullable String meeting, @Nullable String session, PolicyDate date) {
}

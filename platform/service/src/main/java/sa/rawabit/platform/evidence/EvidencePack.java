package sa.rawabit.platform.evidence;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.complaints.ComplaintFigures.Figures;
import sa.rawabit.platform.policy.Coverage;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.requests.DeadlineCompliance.Figure;
import sa.rawabit.platform.satisfaction.SatisfactionOverview;
import sa.rawabit.platform.tenancy.Tenant;

/**
 * Everything one association's pack holds, as of {@code preparedAt}.
 *
 * @param policy the version in force, with its board approval; null when none is in force
 * @param complaintLink the public complaint form's address, when the policy enables the
 * link
 * @param complaintLinkLive the link is enabled by the policy and the association is
 * active
 * @param satisfaction the post-case survey over the last twelve months and the latest
 * record per instrument
 */
record EvidencePack(Tenant association, Instant preparedAt, @Nullable LoadedPolicy policy,
		@Nullable String complaintLink, boolean complaintLinkLive, List<Figure> deadlines, Figures complaints,
		@Nullable Coverage acknowledgements, SatisfactionOverview satisfaction) {

	EvidencePack {
		deadlines = List.copyOf(deadlines);
	}

	/**
	 * Deadlines counted across the procedure, and the share kept, as a whole percentage
	 * (null: none).
	 */
	public @Nullable Integer withinDeadlinePercent() {
		long cases = deadlines.stream().mapToLong(Figure::cases).sum();
		long within = deadlines.stream().mapToLong(Figure::withinDeadline).sum();
		return cases == 0 ? null : Math.toIntExact(Math.round(100.0 * within / cases));
	}
}

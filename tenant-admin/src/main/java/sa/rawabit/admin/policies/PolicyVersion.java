package sa.rawabit.admin.policies;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * One numbered version of an association's policy and where it stands in its lifecycle.
 */
public record PolicyVersion(PolicyVersionId id, TenantId tenant, int number, PolicyVersionStatus status, String source,
		String sha256, String createdBy, Instant createdAt, @Nullable String publishedBy, @Nullable Instant publishedAt,
		@Nullable Instant supersededAt, @Nullable BoardApproval approval) {

	PolicyVersion publish(BoardApproval board, String actor, Instant at) {
		requireStatus(PolicyVersionStatus.DRAFT, PolicyVersionStatus.PUBLISHED);
		return new PolicyVersion(id, tenant, number, PolicyVersionStatus.PUBLISHED, source, sha256, createdBy,
				createdAt, actor, at, null, board);
	}

	PolicyVersion supersede(Instant at) {
		requireStatus(PolicyVersionStatus.PUBLISHED, PolicyVersionStatus.SUPERSEDED);
		return new PolicyVersion(id, tenant, number, PolicyVersionStatus.SUPERSEDED, source, sha256, createdBy,
				createdAt, publishedBy, publishedAt, at, approval);
	}

	void requireDraft() {
		requireStatus(PolicyVersionStatus.DRAFT, PolicyVersionStatus.DRAFT);
	}

	private void requireStatus(PolicyVersionStatus required, PolicyVersionStatus next) {
		if (status != required) {
			throw new PolicyVersionStateException(this, next);
		}
	}
}

package sa.rawabit.platform.requests;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * A request as stored. {@code status} says where it stands ({@link RequestStatus});
 * {@code stageId} is the policy stage it waits at and {@code pendingRole} who must act
 * next. {@code policyVersion} is the version it was opened under and stays so, whatever
 * is published later; the API shows it, and {@code beneficiaryId}, as the bare id it
 * always was.
 */
public record BeneficiaryRequest(RequestId id,
		@JsonSerialize(using = ToStringSerializer.class) BeneficiaryId beneficiaryId, String serviceId, String channel,
		@JsonSerialize(using = ToStringSerializer.class) PolicyVersionId policyVersion, int policyNumber,
		RequestStatus status, @Nullable String stageId, @Nullable String pendingRole, @Nullable String outcome,
		int checklistSize, List<Integer> checklistDone, Instant receivedAt, String receivedBy,
		@Nullable Instant completedAt, @Nullable Instant closedAt, Instant updatedAt) {

	public BeneficiaryRequest {
		checklistDone = List.copyOf(checklistDone);
	}

	boolean isComplete() {
		return completedAt != null;
	}

	BeneficiaryRequest moved(RequestStatus next, @Nullable String stageId, @Nullable String pendingRole, Instant at) {
		return new BeneficiaryRequest(id, beneficiaryId, serviceId, channel, policyVersion, policyNumber,
				status.moveTo(next), stageId, pendingRole, outcome, checklistSize, checklistDone, receivedAt,
				receivedBy, completedAt, next.isClosed() ? at : closedAt, at);
	}

	BeneficiaryRequest completed(List<Integer> done, Instant at) {
		return new BeneficiaryRequest(id, beneficiaryId, serviceId, channel, policyVersion, policyNumber, status,
				stageId, pendingRole, outcome, checklistSize, done, receivedAt, receivedBy,
				done.size() >= checklistSize ? at : null, closedAt, at);
	}

	BeneficiaryRequest decided(Outcome decided) {
		return new BeneficiaryRequest(id, beneficiaryId, serviceId, channel, policyVersion, policyNumber, status,
				stageId, pendingRole, decided.key(), checklistSize, checklistDone, receivedAt, receivedBy, completedAt,
				closedAt, updatedAt);
	}

	@Nullable Outcome decision() {
		return outcome == null ? null : Outcome.of(outcome);
	}
}

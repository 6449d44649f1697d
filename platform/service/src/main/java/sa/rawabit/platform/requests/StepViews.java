package sa.rawabit.platform.requests;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What each step of the procedure leaves behind, as the API shows it. */
final class StepViews {

	private StepViews() {
	}

	/**
	 * The beneficiary's signed declaration; {@code textVersion} pins the exact words they
	 * signed.
	 */
	record Declaration(String stageId, String text, String textVersion, String channel, String witnessedBy,
			Instant signedAt) {
	}

	record Referral(UUID id, String question, String askedBy, Instant askedAt, @Nullable String answer,
			@Nullable String answeredBy, @Nullable Instant answeredAt) {
	}

	record Vote(String member, String vote, String reason, Instant votedAt) {
	}

	/**
	 * The committee's decision. {@code workingDays}: from the request's receipt day to
	 * the decision day under the working calendar of the request's policy (what
	 * oversight's median counts); null only on decisions recorded before it was kept.
	 * {@code members}: who attended when the policy seats the committee (else who voted);
	 * {@code votingRule} and {@code chair} only then.
	 */
	record Decision(String outcome, String reasons, String minutes, int quorum, List<String> members, int approvals,
			int rejections, String decidedBy, Instant decidedAt, @Nullable Integer workingDays,
			@Nullable String votingRule, @Nullable String chair) {

		Decision {
			members = List.copyOf(members);
		}
	}

	record Message(String channel, String outcome, String topic, @Nullable String detail, Instant sentAt) {
	}

	record Attachment(UUID id, String fileName, String contentType, int sizeBytes, String sha256,
			@Nullable Integer checklistItem, String uploadedBy, Instant uploadedAt) {
	}

}

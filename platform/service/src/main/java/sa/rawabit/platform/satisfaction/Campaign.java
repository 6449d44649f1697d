package sa.rawabit.platform.satisfaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A questionnaire of the policy run online: its question sent by one-time links to an
 * audience of beneficiaries, answered on the public survey page until the end of
 * {@code closesOn} (Riyadh time).
 *
 * @param closedWithinMonths audience: beneficiaries whose request closed in the last N
 * months; null when not used
 * @param allRegistered audience: every registered beneficiary with an agreed channel and
 * consent
 * @param invited links created, one per beneficiary of the audience who can be reached
 * @param unreachable beneficiaries of the audience with no address on their agreed
 * channel: not invited
 */
public record Campaign(UUID id, String instrumentId, String title, String question,
		@Nullable Integer closedWithinMonths, boolean allRegistered, LocalDate closesOn, Instant expiresAt,
		String createdBy, Instant createdAt, Instant launchedAt, int invited, int unreachable) {
}

package sa.rawabit.platform.satisfaction;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One survey invitation as stored: never the token, only its hash. A case survey names
 * its case; a campaign's names the campaign, whose title and question the page shows.
 */
record Invitation(UUID id, @Nullable CaseKind caseKind, @Nullable UUID caseId, String channel, Instant sentAt,
		Instant expiresAt, @Nullable Instant answeredAt, @Nullable Integer rating, @Nullable Asked campaign) {

	/** What a campaign asks. */
	record Asked(String title, String question) {
	}

	/** Where a link stands at {@code now}: the page says which. */
	State stateAt(Instant now) {
		if (answeredAt != null) {
			return State.ANSWERED;
		}
		return now.isBefore(expiresAt) ? State.OPEN : State.EXPIRED;
	}

	enum State {

		OPEN, ANSWERED, EXPIRED

	}
}

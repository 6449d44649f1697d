package sa.rawabit.platform.satisfaction;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.platform.satisfaction.Invitation.State;

/**
 * The beneficiary's side of the survey: what a link shows, and its one answer. Needs the
 * association in the Reactor Context (the public page takes it from the URL).
 */
@Service
class Surveys {

	static final int COMMENT_MAX = 2000;

	private final Transactions transactions;

	private final Invitations invitations;

	private final Clock clock;

	Surveys(Transactions transactions, Invitations invitations, Clock clock) {
		this.transactions = transactions;
		this.invitations = invitations;
		this.clock = clock;
	}

	/**
	 * Where the link stands and, for a campaign's, what it asks; empty for a token nobody
	 * was sent.
	 */
	Mono<Link> link(String token) {
		if (!SurveyToken.looksValid(token)) {
			return Mono.empty();
		}
		return transactions.inTenant(invitations.findByToken(new SurveyToken(token)))
			.map(invitation -> new Link(invitation.stateAt(clock.instant()), invitation.campaign()));
	}

	/**
	 * A link's state, and the campaign's title and question (null for a post-case
	 * survey).
	 */
	record Link(State state, Invitation.@Nullable Asked campaign) {
	}

	/**
	 * Stores the answer if the link is still open; otherwise stores nothing
	 * ({@link #link} says why).
	 * @return whether the answer was stored
	 * @throws sa.rawabit.foundation.problem.ProblemException 400 naming the rating or the
	 * comment
	 */
	Mono<Boolean> answer(String token, @Nullable String rating, @Nullable String comment) {
		Integer stars = parse(rating);
		String note = comment == null || comment.isBlank() ? null : comment.strip();
		new FieldChecks().check(stars != null, "rating", "Choose a rating from 1 to 5", "اختر تقييماً من 1 إلى 5")
			.check(note == null || note.length() <= COMMENT_MAX, "comment", "At most " + COMMENT_MAX + " characters",
					"الحد الأعلى " + COMMENT_MAX + " حرف")
			.orThrow();
		if (!SurveyToken.looksValid(token)) {
			return Mono.just(false);
		}
		return transactions.inTenant(invitations.answer(new SurveyToken(token), stars, note, clock.instant()));
	}

	private static @Nullable Integer parse(@Nullable String rating) {
		if (rating == null || !rating.matches("[1-5]")) {
			return null;
		}
		return Integer.parseInt(rating);
	}

}

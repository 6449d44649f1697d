package sa.rawabit.platform.satisfaction;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.messaging.MessageOutcomeRecorder;
import sa.rawabit.platform.messaging.MessageSettled;

/**
 * Keeps with each invitation what became of its link (the response rate counts only those
 * that reached someone).
 */
@Component
class InvitationOutcomes extends MessageOutcomeRecorder {

	private final Invitations invitations;

	InvitationOutcomes(Invitations invitations, Transactions transactions) {
		super("satisfaction.invitation-outcomes", SurveyInviter.PURPOSE::equals, transactions);
		this.invitations = invitations;
	}

	@Override
	protected Mono<Void> record(MessageSettled message) {
		return invitations.deliverySettled(message.reference(), message.sent());
	}

}

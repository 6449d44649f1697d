package sa.rawabit.platform.requests;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.beneficiaries.Beneficiary;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.messaging.BeneficiaryMessenger;
import sa.rawabit.platform.messaging.Recipient;
import sa.rawabit.platform.messaging.Told;
import sa.rawabit.platform.notifications.Outbox;
import sa.rawabit.platform.notifications.OutboxEvent;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.requests.StepViews.Message;

/**
 * Tells the beneficiary the news of their request on the channel agreed with them ("على الوسيلة
 * المتفق عليها"): e-mail and phone (SMS) through the messaging ports, any other channel (interview,
 * letters…) is recorded for staff to tell in person. Runs after the transition committed, so a slow
 * SMTP server never holds a database transaction; what happened is logged in a transaction of its own,
 * and a failure is put on the officers' dashboards through the outbox.
 */
@Component
class BeneficiaryTeller {

	private final BeneficiaryRegistry registry;

	private final BeneficiaryMessenger messenger;

	private final RequestRecords records;

	private final Outbox outbox;

	private final Transactions transactions;

	private final Clock clock;

	BeneficiaryTeller(BeneficiaryRegistry registry, BeneficiaryMessenger messenger, RequestRecords records,
			Outbox outbox, Transactions transactions, Clock clock) {
		this.registry = registry;
		this.messenger = messenger;
		this.records = records;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
	}

	Mono<Message> tell(BeneficiaryRequest request, LoadedPolicy policy, String topic, String news) {
		return registry.find(new BeneficiaryId(request.beneficiaryId()))
			.flatMap(person -> send(person, request, policy, news))
			.flatMap(told -> {
				var message = new Message(told.channel(), told.outcome(), topic, told.detail(), clock.instant());
				return log(request, message, told.needsStaff()).thenReturn(message);
			});
	}

	private Mono<Told> send(Beneficiary person, BeneficiaryRequest request, LoadedPolicy policy, String news) {
		String channel = person.contactChannel() == null ? request.channel() : person.contactChannel();
		String association = policy.policy().association().names().ar();
		String text = association + ": " + news + " (رقم الطلب " + reference(request) + ")";
		return messenger.tell(new Recipient(channel, person.phone(), person.email(), person.consentGiven()),
				"بشأن طلبكم لدى " + association, text);
	}

	static String reference(BeneficiaryRequest request) {
		return request.id().value().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

	private Mono<Void> log(BeneficiaryRequest request, Message message, boolean staffMustAct) {
		Mono<Void> alert = !staffMustAct ? Mono.empty()
				: outbox.publish(new OutboxEvent("request.message-not-sent", Case.SUBJECT, request.id().value(),
						Set.of("relations-officer"), Map.of("channel", message.channel(), "outcome", message.outcome())))
					.then();
		return transactions.inTenant(records.message(request.id(), message).then(alert).thenReturn(true)).then();
	}
}

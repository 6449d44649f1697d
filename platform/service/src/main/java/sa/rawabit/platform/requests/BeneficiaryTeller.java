package sa.rawabit.platform.requests;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.platform.beneficiaries.Beneficiary;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.messaging.BeneficiaryMessenger;
import sa.rawabit.platform.messaging.Outgoing;
import sa.rawabit.platform.messaging.Recipient;
import sa.rawabit.platform.messaging.Told;
import sa.rawabit.platform.notifications.Outbox;
import sa.rawabit.platform.notifications.OutboxEvent;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.requests.StepViews.Message;

/**
 * Tells the beneficiary the news of their request on the channel agreed with them ("على
 * الوسيلة المتفق عليها"): e-mail and phone (SMS) are queued in the transition's
 * transaction and sent by the messaging module after commit (never by the HTTP request);
 * any other channel (interview, letters…) is recorded for staff to tell in person. The
 * log says {@code queued} until {@link RequestMessageOutcomes} records the outcome; a
 * message that cannot go at all is put on the officers' dashboards at once.
 */
@Component
class BeneficiaryTeller {

	private static final String RELATIONS_OFFICER = "relations-officer";

	private final BeneficiaryRegistry registry;

	private final BeneficiaryMessenger messenger;

	private final RequestRecords records;

	private final Outbox outbox;

	private final Clock clock;

	BeneficiaryTeller(BeneficiaryRegistry registry, BeneficiaryMessenger messenger, RequestRecords records,
			Outbox outbox, Clock clock) {
		this.registry = registry;
		this.messenger = messenger;
		this.records = records;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** In the caller's tenant transaction. */
	Mono<Message> tell(BeneficiaryRequest request, LoadedPolicy policy, String topic, String news) {
		return registry.find(request.beneficiaryId())
			.flatMap(person -> send(person, request, policy, topic, news))
			.flatMap(told -> {
				var message = new Message(told.channel(), told.outcome(), topic, told.detail(), clock.instant());
				return log(request, message, told).thenReturn(message);
			});
	}

	private Mono<Told> send(Beneficiary person, BeneficiaryRequest request, LoadedPolicy policy, String topic,
			String news) {
		String channel = person.contactChannel() == null ? request.channel() : person.contactChannel();
		String association = policy.policy().association().names().ar();
		String text = association + ": " + news + " (رقم الطلب " + reference(request) + ")";
		var to = new Recipient(channel, person.phone(), person.email(), person.consentGiven());
		return messenger.tell(new Outgoing(topic, request.id().value(), Case.SUBJECT, request.id().value(),
				Set.of(RELATIONS_OFFICER), to, "بشأن طلبكم لدى " + association, text));
	}

	static String reference(BeneficiaryRequest request) {
		return request.id().value().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

	private Mono<Void> log(BeneficiaryRequest request, Message message, Told told) {
		Mono<Void> alert = !told.needsStaff() ? Mono.empty()
				: outbox.publish(new OutboxEvent("request.message-not-sent", Case.SUBJECT, request.id().value(),
						Set.of(RELATIONS_OFFICER), Map.of("channel", message.channel(), "outcome", message.outcome())))
					.then();
		return records.message(request.id(), message, told.message()).then(alert);
	}

}

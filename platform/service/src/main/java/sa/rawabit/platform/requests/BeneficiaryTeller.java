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
import sa.rawabit.platform.messaging.BeneficiaryMessage;
import sa.rawabit.platform.messaging.Delivery;
import sa.rawabit.platform.messaging.EmailPort;
import sa.rawabit.platform.messaging.SmsPort;
import sa.rawabit.platform.notifications.Outbox;
import sa.rawabit.platform.notifications.OutboxEvent;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.requests.Records.Message;

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

	private final EmailPort email;

	private final SmsPort sms;

	private final RequestRecords records;

	private final Outbox outbox;

	private final Transactions transactions;

	private final Clock clock;

	BeneficiaryTeller(BeneficiaryRegistry registry, EmailPort email, SmsPort sms, RequestRecords records,
			Outbox outbox, Transactions transactions, Clock clock) {
		this.registry = registry;
		this.email = email;
		this.sms = sms;
		this.records = records;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
	}

	Mono<Message> tell(BeneficiaryRequest request, LoadedPolicy policy, String topic, String news) {
		return registry.find(new BeneficiaryId(request.beneficiaryId()))
			.flatMap(person -> send(person, request, policy, news))
			.map(result -> new Message(result.channel, result.outcome, topic, result.detail, clock.instant()))
			.flatMap(message -> log(request, message).thenReturn(message));
	}

	private record Result(String channel, String outcome, String detail) {
	}

	private Mono<Result> send(Beneficiary person, BeneficiaryRequest request, LoadedPolicy policy, String news) {
		String channel = person.contactChannel() == null ? request.channel() : person.contactChannel();
		String association = policy.policy().association().names().ar();
		String text = association + ": " + news + " (رقم الطلب " + reference(request) + ")";
		if (!person.consentGiven()) {
			return Mono.just(new Result(channel, "no-consent", "the beneficiary has not agreed to be contacted"));
		}
		return switch (channel) {
			case "email" -> person.email() == null ? noAddress(channel)
					: email.sendOnBoundedElastic(new BeneficiaryMessage(person.email(), "بشأن طلبكم لدى " + association, text))
						.map(delivery -> result(channel, delivery));
			case "phone" -> person.phone() == null ? noAddress(channel)
					: sms.send(new BeneficiaryMessage(person.phone(), "", text)).map(delivery -> result(channel, delivery));
			default -> Mono.just(new Result(channel, "in-person", "staff tell the beneficiary through " + channel));
		};
	}

	static String reference(BeneficiaryRequest request) {
		return request.id().value().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

	private static Mono<Result> noAddress(String channel) {
		return Mono.just(new Result(channel, "no-address", "no " + channel + " address registered"));
	}

	private static Result result(String channel, Delivery delivery) {
		return new Result(channel, delivery.sent() ? "sent" : "failed", delivery.detail());
	}

	private Mono<Void> log(BeneficiaryRequest request, Message message) {
		Mono<Void> alert = "sent".equals(message.outcome()) || "in-person".equals(message.outcome()) ? Mono.empty()
				: outbox.publish(new OutboxEvent("request.message-not-sent", Case.SUBJECT, request.id().value(),
						Set.of("relations-officer"), Map.of("channel", message.channel(), "outcome", message.outcome())))
					.then();
		return transactions.inTenant(records.message(request.id(), message).then(alert).thenReturn(true)).then();
	}
}

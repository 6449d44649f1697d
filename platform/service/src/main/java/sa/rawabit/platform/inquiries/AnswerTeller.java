package sa.rawabit.platform.inquiries;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
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

/**
 * Sends the answer to the person who asked, on the channel agreed with them: e-mail and phone (SMS)
 * through the messaging ports, any other channel (interview, letters…) is for staff to tell in person.
 * Runs after the answer committed, so a slow SMTP server never holds a database transaction; what
 * happened is kept with the inquiry in a transaction of its own, and a failure reaches the officer's
 * dashboard through the outbox.
 */
@Component
class AnswerTeller {

	private final BeneficiaryRegistry registry;

	private final EmailPort email;

	private final SmsPort sms;

	private final InquiryRecords records;

	private final Outbox outbox;

	private final Transactions transactions;

	AnswerTeller(BeneficiaryRegistry registry, EmailPort email, SmsPort sms, InquiryRecords records, Outbox outbox,
			Transactions transactions) {
		this.registry = registry;
		this.email = email;
		this.sms = sms;
		this.records = records;
		this.outbox = outbox;
		this.transactions = transactions;
	}

	/** Where to reach the person, and whether they agreed to be reached there. */
	private record Reach(String channel, @Nullable String phone, @Nullable String email, boolean consent) {
	}

	record Told(String channel, String outcome) {
	}

	Mono<Told> tell(Inquiry inquiry, String associationName) {
		return reach(inquiry).flatMap(reach -> send(reach, inquiry, associationName))
			.flatMap(told -> log(inquiry, told).thenReturn(told));
	}

	private Mono<Reach> reach(Inquiry inquiry) {
		if (inquiry.beneficiaryId() == null) {
			var contact = inquiry.contact();
			// An anonymous person gave this address for the answer: that is their agreement to receive it there.
			return Mono.just(new Reach(contact.channel(), contact.phone(), contact.email(), true));
		}
		return registry.find(new BeneficiaryId(inquiry.beneficiaryId()))
			.map(person -> reachOf(person, inquiry))
			.defaultIfEmpty(new Reach(inquiry.channel(), null, null, false));
	}

	private static Reach reachOf(Beneficiary person, Inquiry inquiry) {
		String channel = person.contactChannel() == null ? inquiry.channel() : person.contactChannel();
		return new Reach(channel, person.phone(), person.email(), person.consentGiven());
	}

	private Mono<Told> send(Reach reach, Inquiry inquiry, String association) {
		String channel = reach.channel();
		if (!reach.consent()) {
			return Mono.just(new Told(channel, "no-consent"));
		}
		String text = association + ": " + inquiry.answer().text();
		return switch (channel) {
			case "email" -> reach.email() == null ? Mono.just(new Told(channel, "no-address"))
					: email.sendOnBoundedElastic(new BeneficiaryMessage(reach.email(), "رد على استفساركم لدى " + association,
							text)).map(delivery -> told(channel, delivery));
			case "phone" -> reach.phone() == null ? Mono.just(new Told(channel, "no-address"))
					: sms.send(new BeneficiaryMessage(reach.phone(), "", text)).map(delivery -> told(channel, delivery));
			default -> Mono.just(new Told(channel, "in-person"));
		};
	}

	private static Told told(String channel, Delivery delivery) {
		return new Told(channel, delivery.sent() ? "sent" : "failed");
	}

	private Mono<Void> log(Inquiry inquiry, Told told) {
		Mono<Void> alert = "sent".equals(told.outcome()) || "in-person".equals(told.outcome()) ? Mono.empty()
				: outbox.publish(new OutboxEvent("inquiry.answer-not-sent", AnswerClock.SUBJECT, inquiry.id().value(),
						Set.of(inquiry.officer().audience(), InquiryDesk.TOP_MANAGEMENT),
						Map.of("channel", told.channel(), "outcome", told.outcome())))
					.then();
		return transactions.inTenant(records.delivered(inquiry.id(), told.channel(), told.outcome())
			.then(alert)
			.thenReturn(true)).then();
	}
}

package sa.rawabit.platform.inquiries.desk;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
import sa.rawabit.platform.tools.AnswerAttachments;
import sa.rawabit.policy.RoleKey;

/**
 * Sends the answer to the person who asked, on the channel agreed with them: e-mail and
 * phone (SMS) are queued in the answer's transaction and sent by the messaging module
 * after commit; any other channel (interview, letters…) is for staff to tell in person.
 * The inquiry says {@code queued} until {@link AnswerOutcomes} records the outcome; an
 * answer that cannot go at all reaches the officer's dashboard at once.
 */
@Component
class AnswerTeller {

	/**
	 * The purpose of every answer message, by which {@link AnswerOutcomes} knows its own.
	 */
	static final String PURPOSE = "inquiry.answered";

	private final BeneficiaryRegistry registry;

	private final BeneficiaryMessenger messenger;

	private final InquiryRecords records;

	private final Outbox outbox;

	private final AnswerAttachments attachments;

	AnswerTeller(BeneficiaryRegistry registry, BeneficiaryMessenger messenger, InquiryRecords records, Outbox outbox,
			AnswerAttachments attachments) {
		this.attachments = attachments;
		this.registry = registry;
		this.messenger = messenger;
		this.records = records;
		this.outbox = outbox;
	}

	/**
	 * In the answer's tenant transaction.
	 * @param sendOn a channel the officer chose instead of the one agreed with the
	 * person, or null
	 */
	Mono<Told> tell(Inquiry inquiry, String associationName, @Nullable String sendOn) {
		return reach(inquiry)
			.map(reach -> sendOn == null ? reach : new Recipient(sendOn, reach.phone(), reach.email(), reach.consent()))
			.flatMap(reach -> send(reach, inquiry, associationName))
			.flatMap(told -> log(inquiry, told).thenReturn(told));
	}

	private Mono<Recipient> reach(Inquiry inquiry) {
		if (inquiry.beneficiaryId() == null) {
			var contact = inquiry.contact();
			// An anonymous person gave this address for the answer: that is their
			// agreement to receive it there.
			return Mono.just(new Recipient(contact.channel(), contact.phone(), contact.email(), true));
		}
		return registry.find(inquiry.beneficiaryId())
			.map(person -> reachOf(person, inquiry))
			.defaultIfEmpty(new Recipient(inquiry.channel(), null, null, false));
	}

	private static Recipient reachOf(Beneficiary person, Inquiry inquiry) {
		String channel = person.contactChannel() == null ? inquiry.channel() : person.contactChannel();
		return new Recipient(channel, person.phone(), person.email(), person.consentGiven());
	}

	private Mono<Told> send(Recipient reach, Inquiry inquiry, String association) {
		UUID id = inquiry.id().value();
		return attachments.of(id)
			.flatMap(documents -> messenger.tell(new Outgoing(PURPOSE, id, AnswerClock.SUBJECT, id,
					InquiryJournal.audience(inquiry.officer()), reach, "رد على استفساركم لدى " + association,
					association + ": " + inquiry.answer().text() + AnswerAttachments.message(documents))));
	}

	private Mono<Void> log(Inquiry inquiry, Told told) {
		Mono<Void> alert = !told.needsStaff() ? Mono.empty()
				: outbox
					.publish(new OutboxEvent("inquiry.answer-not-sent", AnswerClock.SUBJECT, inquiry.id().value(),
							Set.of(inquiry.officer().audience(), RoleKey.TOP_MANAGEMENT.value()),
							Map.of("channel", told.channel(), "outcome", told.outcome())))
					.then();
		return records.delivered(inquiry.id(), told.channel(), told.outcome()).then(alert);
	}

}

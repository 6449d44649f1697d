package sa.rawabit.platform.inquiries.desk;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.messaging.MessageOutcomeRecorder;
import sa.rawabit.platform.messaging.MessageSettled;

/** Keeps with the inquiry what became of its queued answer. */
@Component
class AnswerOutcomes extends MessageOutcomeRecorder {

	private final InquiryRecords records;

	AnswerOutcomes(InquiryRecords records, Transactions transactions) {
		super("inquiries.answer-outcomes", AnswerTeller.PURPOSE::equals, transactions);
		this.records = records;
	}

	@Override
	protected Mono<Void> record(MessageSettled message) {
		return records.deliverySettled(new InquiryId(message.reference()), message.sent());
	}

}

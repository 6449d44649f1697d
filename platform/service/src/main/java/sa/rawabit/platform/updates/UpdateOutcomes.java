package sa.rawabit.platform.updates;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.messaging.MessageOutcomeRecorder;
import sa.rawabit.platform.messaging.MessageSettled;

/** Keeps on each recipient row what became of its queued notice. */
@Component
class UpdateOutcomes extends MessageOutcomeRecorder {

	private final UpdateRecords records;

	UpdateOutcomes(UpdateRecords records, Transactions transactions) {
		super("updates.notice-outcomes", UpdateTeller.PURPOSE::equals, transactions);
		this.records = records;
	}

	@Override
	protected Mono<Void> record(MessageSettled message) {
		return records.settled(message.reference(), message.about(), message.sent());
	}

}

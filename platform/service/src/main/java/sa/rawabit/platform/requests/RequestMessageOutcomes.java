package sa.rawabit.platform.requests;

import java.time.Clock;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.messaging.MessageOutcomeRecorder;
import sa.rawabit.platform.messaging.MessageSettled;

/**
 * Records in the request's message log what became of a queued message (its purpose is a
 * request topic).
 */
@Component
class RequestMessageOutcomes extends MessageOutcomeRecorder {

	private final RequestRecords records;

	private final Clock clock;

	RequestMessageOutcomes(RequestRecords records, Transactions transactions, Clock clock) {
		super("requests.message-outcomes", purpose -> purpose.startsWith(Case.SUBJECT + "."), transactions);
		this.records = records;
		this.clock = clock;
	}

	@Override
	protected Mono<Void> record(MessageSettled message) {
		return records.settled(message.message(), message.sent(), clock.instant());
	}

}

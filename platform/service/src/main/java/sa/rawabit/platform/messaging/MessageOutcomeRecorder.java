package sa.rawabit.platform.messaging;

import java.util.function.Predicate;

import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.notifications.Reaction;

/**
 * The reaction with which a module records, on its own rows, what became of the messages
 * it queued: those whose purpose it recognises, one tenant transaction each.
 * {@link #record} must be idempotent (e.g. change only a row still {@code queued}).
 */
public abstract class MessageOutcomeRecorder implements Reaction<MessageSettled> {

	private final String name;

	private final Predicate<String> purposes;

	private final Transactions transactions;

	/**
	 * @param name the reaction's stable name; @param purposes which messages are this
	 * module's
	 */
	protected MessageOutcomeRecorder(String name, Predicate<String> purposes, Transactions transactions) {
		this.name = name;
		this.purposes = purposes;
		this.transactions = transactions;
	}

	/** Records the outcome; runs inside the message's association's transaction. */
	protected abstract Mono<Void> record(MessageSettled message);

	@Override
	public final String name() {
		return name;
	}

	@Override
	public final Class<MessageSettled> event() {
		return MessageSettled.class;
	}

	@Override
	public final Mono<Void> react(Reacted<MessageSettled> settled) {
		if (!purposes.test(settled.event().purpose())) {
			return Mono.empty();
		}
		return transactions.inTenant(record(settled.event()).thenReturn(true)).then();
	}

}

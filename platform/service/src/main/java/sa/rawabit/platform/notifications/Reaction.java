package sa.rawabit.platform.notifications;

import java.time.Instant;

import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * One module's reaction to another's {@link DurableEvent}s, declared as a bean. Every
 * committed event of {@link #event()} reaches it at least once — also those committed
 * while no replica ran — in commit order, on one replica at a time; a failure is retried
 * with backoff and holds later events back, so {@link #react} must be idempotent (a
 * second run for the same {@link Reacted#eventId} changes nothing).
 */
public interface Reaction<E extends DurableEvent> {

	/**
	 * The stable name its persisted position is kept under; renaming it starts a new
	 * position.
	 */
	String name();

	Class<E> event();

	/**
	 * Runs with the event's association in the Reactor Context ({@code TenantContext}).
	 */
	Mono<Void> react(Reacted<E> event);

	/**
	 * A committed event: its association, its outbox id, when it happened, and the
	 * record.
	 */
	record Reacted<E>(TenantId tenant, long eventId, Instant occurredAt, E event) {
	}

}

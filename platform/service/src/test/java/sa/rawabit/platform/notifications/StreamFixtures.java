package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * What the tests of streams over real sockets share: events for the follow-up committee
 * published through the real outbox, and waiting for the replica to count its streams.
 */
record StreamFixtures(Outbox outbox, Transactions transactions, LiveStreams live, TenantId association, String topic) {

	/**
	 * Publishes {@code count} events of about {@code size} bytes in one transaction;
	 * their ids in order.
	 */
	List<Long> publish(int count, int size) {
		String pad = "x".repeat(size);
		return transactions
			.inTenant(Flux.range(0, count)
				.concatMap(i -> outbox.publish(new OutboxEvent(topic, "test", UUID.randomUUID(),
						Set.of("follow-up-committee"), Map.of("i", i, "pad", pad))))
				.collectList())
			.contextWrite(TenantContext.of(association))
			.block(Duration.ofSeconds(60));
	}

	void awaitStreams(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (live.size() != count && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(live.size()).as("streams open on the replica").isEqualTo(count);
	}

}

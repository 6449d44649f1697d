package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The fan-out's reads start at most once per gap: a wake-up after a quiet spell is read
 * at once, wake-ups within the gap wait for its end and share one read.
 */
class ReadPacingTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final ReadPacing pacing = new ReadPacing(Duration.ofMillis(5), () -> time.now(TimeUnit.NANOSECONDS), time);

	private final List<Long> readsAtMillis = new ArrayList<>();

	@Test
	void aWakeUpAfterAQuietSpellIsReadAtOnce() {
		StepVerifier.create(pacing.next(this::read)).verifyComplete();
		time.advanceTimeBy(Duration.ofMillis(50));
		StepVerifier.create(pacing.next(this::read)).verifyComplete();

		assertThat(readsAtMillis).containsExactly(0L, 50L);
	}

	@Test
	void wakeUpsWithinTheGapWaitForItsEndAndShareOneRead() {
		// The fan-out's loop: wake-ups one after the other, the latest kept while a read
		// runs or waits.
		Flux.just(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
			.delayElements(Duration.ofMillis(1), time)
			.onBackpressureLatest()
			.concatMap(wake -> pacing.next(this::read), 0)
			.subscribe();

		time.advanceTimeBy(Duration.ofMillis(30));

		// Ten wake-ups, 1 ms apart: reads start 5 ms apart, the first at once. The last
		// wake-up, kept while the read at 11 ms waited, costs one read more after it.
		assertThat(readsAtMillis).containsExactly(1L, 6L, 11L, 16L);
	}

	private Mono<Void> read() {
		readsAtMillis.add(time.now(TimeUnit.MILLISECONDS));
		return Mono.empty();
	}

}

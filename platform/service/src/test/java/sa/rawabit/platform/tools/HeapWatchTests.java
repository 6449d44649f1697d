package sa.rawabit.platform.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The heap measure of the download test sees what work keeps alive, so its bound can
 * fail.
 */
class HeapWatchTests {

	@Test
	void growthWhenWorkKeepsTwoHundredMegabytesThenSeenAfterCollections() throws InterruptedException {
		HeapWatch watch = HeapWatch.start(Duration.ofMillis(100));
		List<byte[]> kept = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			kept.add(new byte[1024 * 1024]);
			byte[] dropped = new byte[4 * 1024 * 1024];
			dropped[0] = 1;
		}
		Thread.sleep(300); // at least one full-collection sample with everything kept
		HeapWatch.Growth growth = watch.stop();

		assertThat(kept).hasSize(200);
		assertThat(growth.samples()).isPositive();
		assertThat(growth.liveMegabytes()).isBetween(190L, 260L);
	}

}

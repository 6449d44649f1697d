package sa.rawabit.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link DashboardBenchmark} at toy size, so it keeps working: five dashboards on a
 * replica in its own JVM, five complaints filed within a second. Correctness only (each
 * dashboard showed each filing), never timing.
 */
class DashboardBenchmarkSmokeTests {

	@Test
	void benchmarkWhenTinyThenEveryDashboardShowsEveryFiling() throws Exception {
		var settings = new DashboardBenchmark.Settings(3, 40, 400, 5, 5, 1, 200, 100, 5000, 1);

		DashboardBenchmark.Result result = DashboardBenchmark.run(settings, 3);

		assertThat(result.filed()).isEqualTo(5);
		assertThat(result.showingAll()).isEqualTo(5);
		assertThat(result.reloads()).isPositive();
		assertThat(result.latencies()).isNotEmpty();
	}

}

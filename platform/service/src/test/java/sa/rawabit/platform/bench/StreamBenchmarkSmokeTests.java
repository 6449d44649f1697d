package sa.rawabit.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sa.rawabit.platform.bench.StreamBenchmark.Report;
import sa.rawabit.platform.bench.StreamBenchmark.Settings;

/**
 * The live-path benchmark at toy size, so it cannot rot unnoticed: both fan-outs deliver
 * every event to every stream, the streams held over HTTP/1.1 and over HTTP/2 all open
 * and get every event, and every intake of both sides is answered. Correctness only,
 * never timing; the report is printed for whoever reads the build log.
 */
class StreamBenchmarkSmokeTests {

	@Test
	void benchmarkWhenRunTinyThenEveryDeliveryArrivesAndEveryIntakeIsAnswered() throws Exception {
		Settings settings = new Settings(20, 2, 5, 2, 2, 2, 10, 1, 20, 40);
		Report report = StreamBenchmark.run(settings);
		StreamBenchmark.print(report, settings);

		assertThat(report.rawabit().expected()).isEqualTo(5L * 2 * 20 / 2);
		assertThat(report.rawabit().delivered()).isEqualTo(report.rawabit().expected());
		assertThat(report.filingAlone().note()).as("the filing-alone baseline filed at the same rate")
			.startsWith(5 * 2 + " complaints filed");
		for (FanOutResult held : new FanOutResult[] { report.held(), report.multiplexed() }) {
			assertThat(held.streams()).as(held.side() + ": streams open").isEqualTo(held == report.held() ? 20 : 40);
			assertThat(held.endedEarly()).as(held.side() + ": streams ended early").isZero();
			assertThat(held.delivered()).as(held.side()).isEqualTo(held.expected()).isPositive();
		}
		if (!report.nchan().wasSkipped()) {
			assertThat(report.nchan().delivered()).isEqualTo(report.nchan().expected()).isPositive();
		}
		for (IntakeResult intake : new IntakeResult[] { report.intake(), report.pgbench(), report.intakeWithStreams(),
				report.intakeBesideStreams() }) {
			if (!intake.wasSkipped()) {
				assertThat(intake.completed()).as(intake.side()).isPositive();
				assertThat(intake.failed()).as(intake.side()).isZero();
			}
		}
		assertThat(report.intake().wasSkipped()).as("wrk is installed by deploy/local/install-tools.sh").isFalse();
		assertThat(report.intakeBesideStreams().wasSkipped()).as("two associations: the other's streams are held")
			.isFalse();
	}

}

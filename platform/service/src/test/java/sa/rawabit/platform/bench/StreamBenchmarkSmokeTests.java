package sa.rawabit.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import sa.rawabit.platform.bench.StreamBenchmark.Report;
import sa.rawabit.platform.bench.StreamBenchmark.Settings;

/**
 * The live-path benchmark at toy size, so it cannot rot unnoticed: both fan-outs deliver
 * every event to every stream, the streams held over HTTP/1.1 and over HTTP/2 all open
 * and get every event, and every intake of every side (Rawabit, pgbench, the stack alone)
 * is answered, in every round, as is every request of a probe. Correctness only, never
 * timing; the report is printed for whoever reads the build log.
 */
class StreamBenchmarkSmokeTests {

	@Test
	void benchmarkWhenRunTinyThenEveryDeliveryArrivesAndEveryIntakeIsAnswered() throws Exception {
		Settings settings = new Settings(20, 2, 5, 2, 2, 2, 10, 1, 20, 40, 2);
		System.setProperty("bench.probe", "GET:/api/me");
		Report report;
		try {
			report = StreamBenchmark.run(settings);
		}
		finally {
			System.clearProperty("bench.probe");
		}
		StreamReport.print(report, settings);

		assertThat(report.fanOut()).as("fan-out rounds").hasSize(2);
		assertThat(report.intake()).as("intake rounds").hasSize(2);
		for (Rounds.FanOut round : report.fanOut()) {
			assertThat(round.rawabit().expected()).isEqualTo(5L * 2 * 20 / 2);
			assertThat(round.rawabit().delivered()).isEqualTo(round.rawabit().expected());
			assertThat(round.filingAlone().note()).as("the filing-alone baseline filed at the same rate")
				.startsWith(5 * 2 + " complaints filed");
			if (!round.nchan().wasSkipped()) {
				assertThat(round.nchan().delivered()).isEqualTo(round.nchan().expected()).isPositive();
			}
		}
		for (FanOutResult held : new FanOutResult[] { report.held(), report.multiplexed() }) {
			assertThat(held.streams()).as(held.side() + ": streams open").isEqualTo(held == report.held() ? 20 : 40);
			assertThat(held.endedEarly()).as(held.side() + ": streams ended early").isZero();
			assertThat(held.delivered()).as(held.side()).isEqualTo(held.expected()).isPositive();
		}
		List<IntakeResult> intakes = new ArrayList<>(List.of(report.intakeWithStreams()));
		report.besideStreams()
			.forEach(window -> intakes.addAll(List.of(window.before(), window.beside(), window.after())));
		report.intake().forEach(round -> intakes.addAll(List.of(round.rawabit(), round.pgbench(), round.stackAlone())));
		assertThat(report.intake()).as("the stack alone filed in every round, with wrk as Rawabit did")
			.allSatisfy(round -> assertThat(round.stackAlone().wasSkipped()).isFalse());
		assertThat(report.probes()).as("the probe asked for")
			.singleElement()
			.satisfies(probe -> assertThat(probe.note()).as("GET /api/me answered 200 each time")
				.doesNotContain("not 2xx"));
		intakes.addAll(report.probes());
		for (IntakeResult intake : intakes) {
			if (!intake.wasSkipped()) {
				assertThat(intake.completed()).as(intake.side()).isPositive();
				assertThat(intake.failed()).as(intake.side()).isZero();
			}
		}
		assertThat(report.rawabitIntake().wasSkipped()).as("wrk is installed by deploy/local/install-tools.sh")
			.isFalse();
		assertThat(List.of(report.rawabitIntake(), report.pgbench()))
			.as("PostgreSQL's WAL and transactions beside each intake")
			.allSatisfy(intake -> assertThat(intake.note()).containsPattern(
					"[0-9.]+ full-page images, [0-9.]+ database transactions, [0-9.]+ rows read per transaction"));
		assertThat(report.rawabitIntake().note()).as("the replica's JIT compilation during its intake")
			.contains("JIT compilation");
		assertThat(report.census()).as("operators counted for the intake and the probe")
			.extracting(census -> census.probe().side())
			.containsExactly("Rawabit POST /api/complaints", "Rawabit GET /api/me");
		assertThat(report.census()).allSatisfy(census -> assertThat(census.operatorsPerRequest())
			.as("%s: a request assembles operators", census.probe().side())
			.isGreaterThan(50));
		assertThat(report.besideStreams()).as("windows beside other associations' streams, one per round")
			.hasSize(2)
			.allSatisfy(window -> assertThat(window.beside().wasSkipped())
				.as("two associations: the other's streams are held")
				.isFalse());
	}

}

package sa.rawabit.platform.bench;

import java.time.LocalDate;
import java.util.Locale;

import sa.rawabit.platform.bench.StreamBenchmark.Report;
import sa.rawabit.platform.bench.StreamBenchmark.Settings;

/**
 * Prints the live-path benchmark's report: every round's lines of both sides, each
 * round's ratios, and the median round's (the figures the floors are read against).
 */
final class StreamReport {

	private StreamReport() {
	}

	static void print(Report report, Settings settings) {
		System.out.printf(Locale.ROOT,
				"%n[bench] %s, %s; %d streams over %d associations, %d complaints/s for %d s, %d round(s), each side "
						+ "right after the other; replicas: application.yml as shipped (HTTP/2 streams: a replica with %s)%n%n",
				LocalDate.now(), ProcessStats.machine(), settings.connections(), settings.associations(),
				settings.rate(), settings.seconds(), settings.rounds(), StreamBenchmark.HTTP2.substring(2));
		fanOut(report);
		held(report);
		intake(report);
	}

	private static void fanOut(Report report) {
		System.out.println(FanOutResult.header());
		report.fanOut().forEach(round -> {
			System.out.println(round.rawabit().line());
			System.out.println(round.filingAlone().line());
			System.out.println(round.nchan().line());
		});
		System.out.println();
		int number = 1;
		for (Rounds.FanOut round : report.fanOut()) {
			FanOutResult rawabit = round.rawabit();
			long delivered = rawabit.delivered();
			double nchan = round.nchan().cpuMicrosPerDelivery();
			double deliveringOnly = delivered == 0 ? Double.NaN : (rawabit.serverCpuSeconds() + rawabit.dbCpuSeconds()
					- round.filingAlone().serverCpuSeconds() - round.filingAlone().dbCpuSeconds()) / delivered * 1e6;
			double withoutJit = delivered == 0 ? Double.NaN : rawabit.cpuWithoutJitSeconds() / delivered * 1e6;
			System.out.printf(Locale.ROOT,
					"Round %d%s, Rawabit / nchan: CPU per delivery %.1f against %.1f µs, %.2f× (without the replica's "
							+ "JIT compilation: %.1f µs, %.2f×; delivering only, the filing's own CPU subtracted: "
							+ "%.1f µs, %.2f×), p99 %.2f×, memory per stream %.2f×%n",
					number++, round == report.medianFanOut() ? " (median)" : "", rawabit.cpuMicrosPerDelivery(), nchan,
					round.cpuRatio(), withoutJit, withoutJit / nchan, deliveringOnly, deliveringOnly / nchan,
					round.p99Ratio(), rawabit.rssKbPer1000Streams() / round.nchan().rssKbPer1000Streams());
		}
		System.out.printf(Locale.ROOT, "Median over %d round(s): CPU per delivery %.2f×, p99 %.2f×%n%n",
				report.fanOut().size(), Rounds.medianOf(report.fanOut(), Rounds.FanOut::cpuRatio),
				Rounds.medianOf(report.fanOut(), Rounds.FanOut::p99Ratio));
	}

	private static void held(Report report) {
		System.out.printf(Locale.ROOT, "Streams held on one replica (-Xmx1g), at the fan-out run's deliveries/s%n%n");
		System.out.println(FanOutResult.header());
		System.out.println(report.held().line());
		System.out.println(report.multiplexed().line());
		for (FanOutResult held : new FanOutResult[] { report.held(), report.multiplexed() }) {
			if (!held.wasSkipped()) {
				System.out.printf(Locale.ROOT,
						"%s: %,d streams open, %,d ended early, %,d of %,d deliveries, %.1f KB per idle stream (live heap + RSS outside it)%n",
						held.side(), held.streams(), held.endedEarly(), held.delivered(), held.expected(),
						held.rssKbPer1000Streams() / 1000);
			}
		}
		System.out.println();
	}

	private static void intake(Report report) {
		System.out.println(IntakeResult.header());
		report.probes().forEach(probe -> System.out.println(probe.line()));
		report.intake().forEach(round -> {
			System.out.println(round.rawabit().line());
			System.out.println(round.pgbench().line());
			System.out.println(round.stackAlone().line());
		});
		System.out.println(report.intakeWithStreams().line());
		System.out.println(report.besideStreams().getFirst().before().line());
		report.besideStreams().forEach(window -> {
			System.out.println(window.beside().line());
			System.out.println(window.after().line());
		});
		System.out.println();
		int number = 1;
		for (Rounds.Intake round : report.intake()) {
			System.out.printf(Locale.ROOT,
					"Round %d%s, HTTP intake / pgbench: rate %.2f×, p99 %.2f×; the stack alone / pgbench: rate %.2f×; "
							+ "HTTP intake / the stack alone: rate %.2f×, replica CPU per intake %.0f against %.0f µs%n",
					number++, round == report.medianIntake() ? " (median)" : "", round.rateRatio(), round.p99Ratio(),
					round.stackAloneRatio(), round.overStackAlone(), microsPerIntake(round.rawabit()),
					microsPerIntake(round.stackAlone()));
		}
		number = 1;
		for (Rounds.Beside window : report.besideStreams()) {
			System.out.printf(Locale.ROOT,
					"Window %d, beside other associations' streams / without them right before and after: %.2f×%n",
					number++, window.ratio());
		}
		System.out.printf(Locale.ROOT,
				"Median over %d round(s): the stack alone / pgbench %.2f×, HTTP intake / the " + "stack alone %.2f×%n",
				report.intake().size(), Rounds.medianOf(report.intake(), Rounds.Intake::stackAloneRatio),
				Rounds.medianOf(report.intake(), Rounds.Intake::overStackAlone));
		double alone = report.rawabitIntake().perSecond();
		System.out.printf(Locale.ROOT,
				"Median over %d round(s): rate %.2f×, p99 %.2f×; the filer's association watching / the median round's "
						+ "intake without streams: %.2f×; streams of other associations only / the intake without "
						+ "them right before and after (median window): %.2f×%n",
				report.intake().size(), Rounds.medianOf(report.intake(), Rounds.Intake::rateRatio),
				Rounds.medianOf(report.intake(), Rounds.Intake::p99Ratio),
				report.intakeWithStreams().perSecond() / alone, report.besideStreamsRatio());
		report.census()
			.forEach(census -> System.out.printf(Locale.ROOT,
					"Reactor operators assembled per request, %s: %.1f (%d requests one after another, "
							+ "on a replica of its own; %.1f per request that it assembled idle taken off)%n",
					census.probe().side(), census.operatorsPerRequest(), StreamBenchmark.CENSUS_REQUESTS,
					census.backgroundPerRequest()));
	}

	/** The server's CPU per completed intake (its JVM's, PostgreSQL's apart). */
	private static double microsPerIntake(IntakeResult intake) {
		return intake.completed() == 0 ? Double.NaN : intake.serverCpuSeconds() * 1e6 / intake.completed();
	}

}

package sa.rawabit.platform.bench;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The comparisons run in rounds, the peer right after Rawabit in each: on this shared
 * machine the speed of both sides drifts by a fifth to a third between runs of the same
 * command (one intake run's PostgreSQL took 529 µs per intake, the next 742), and a ratio
 * of two sides measured minutes apart carries that drift. Each round's ratio is printed;
 * the report's figure is the median round's.
 */
final class Rounds {

	private Rounds() {
	}

	/** One fan-out round: Rawabit's streams, the same filing with none open, nchan. */
	record FanOut(FanOutResult rawabit, FanOutResult filingAlone, FanOutResult nchan) {

		double cpuRatio() {
			return rawabit.cpuMicrosPerDelivery() / nchan.cpuMicrosPerDelivery();
		}

		double p99Ratio() {
			return rawabit.p99Ms() / nchan.p99Ms();
		}
	}

	/**
	 * One intake round: Rawabit through HTTP, then pgbench with the same SQL, then the
	 * stack the platform is built on alone, filing the same complaint with the same SQL
	 * (what the platform's own layers cost is the gap to it).
	 */
	record Intake(IntakeResult rawabit, IntakeResult pgbench, IntakeResult stackAlone) {

		double rateRatio() {
			return rawabit.perSecond() / pgbench.perSecond();
		}

		double stackAloneRatio() {
			return stackAlone.perSecond() / pgbench.perSecond();
		}

		double overStackAlone() {
			return rawabit.perSecond() / stackAlone.perSecond();
		}

		double p99Ratio() {
			return rawabit.p99Ms() / pgbench.p99Ms();
		}
	}

	/**
	 * One window of intake beside other associations' streams, and the intake without
	 * them right before and right after it (the database grows slower over a run, so a
	 * window minutes earlier is no fair reference).
	 */
	record Beside(IntakeResult before, IntakeResult beside, IntakeResult after) {

		double ratio() {
			return beside.perSecond() / ((before.perSecond() + after.perSecond()) / 2);
		}
	}

	/**
	 * The round with the median {@code value} (the lower of the middle two for an even
	 * count; rounds whose value is not a number, a skipped peer, last).
	 */
	static <T> T median(List<T> rounds, ToDoubleFunction<T> value) {
		List<T> sorted = rounds.stream().sorted(Comparator.comparingDouble(value)).toList();
		return sorted.get((sorted.size() - 1) / 2);
	}

	/** The median of {@code value} over the rounds. */
	static <T> double medianOf(List<T> rounds, ToDoubleFunction<T> value) {
		return value.applyAsDouble(median(rounds, value));
	}

}

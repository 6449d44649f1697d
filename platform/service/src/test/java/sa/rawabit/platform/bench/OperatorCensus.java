package sa.rawabit.platform.bench;

import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import reactor.core.publisher.Hooks;

/**
 * Counts the Reactor operators a replica assembles, for a cost that does not drift with
 * the machine: CPU per request moved by a third between runs minutes apart on this
 * machine kind, while the operators a request assembles are the same in every run, and
 * the replica's CPU per request followed them (about a microsecond each across the
 * probes). Installed only on a replica started for the census: the hook runs on every
 * assembly, so that replica is never timed.
 */
final class OperatorCensus {

	static final String PROPERTY = "bench.census";

	static final String METER = "bench.reactor.operators.assembled";

	private static final LongAdder ASSEMBLED = new LongAdder();

	private OperatorCensus() {
	}

	/**
	 * With {@code -Dbench.census=true}: counts from now on and publishes the count as a
	 * counter on the replica's Prometheus page.
	 */
	static MeterBinder installIfAsked() {
		if (!Boolean.getBoolean(PROPERTY)) {
			return registry -> {
			};
		}
		Hooks.onEachOperator(PROPERTY, publisher -> {
			ASSEMBLED.increment();
			return publisher;
		});
		return registry -> FunctionCounter.builder(METER, ASSEMBLED, LongAdder::doubleValue).register(registry);
	}

}

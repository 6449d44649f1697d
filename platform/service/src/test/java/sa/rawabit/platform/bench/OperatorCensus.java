package sa.rawabit.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

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

	/**
	 * With {@code -Dbench.census.sites=FILE}: where the operators were assembled, written
	 * to FILE as the replica stops.
	 */
	static final String SITES = PROPERTY + ".sites";

	private static final LongAdder ASSEMBLED = new LongAdder();

	private static final Map<String, LongAdder> BY_SITE = new ConcurrentHashMap<>();

	private static final StackWalker STACK = StackWalker.getInstance();

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
		String sites = System.getProperty(SITES, "");
		if (!sites.isBlank()) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(sites)), "census-sites"));
		}
		Hooks.onEachOperator(PROPERTY, publisher -> {
			ASSEMBLED.increment();
			if (!sites.isBlank()) {
				BY_SITE.computeIfAbsent(site(), key -> new LongAdder()).increment();
			}
			return publisher;
		});
		return registry -> FunctionCounter.builder(METER, ASSEMBLED, LongAdder::doubleValue).register(registry);
	}

	/**
	 * The first two frames outside Reactor that assembled the operator: the code that
	 * asked for it and its caller.
	 */
	private static String site() {
		return STACK.walk(frames -> frames.map(frame -> frame.getClassName() + "." + frame.getMethodName())
			.filter(name -> !name.startsWith("reactor.core.") && !name.startsWith(OperatorCensus.class.getName()))
			.limit(2)
			.collect(Collectors.joining(" <- ")));
	}

	private static void write(Path file) {
		try {
			Files.write(file,
					BY_SITE.entrySet()
						.stream()
						.sorted(Map.Entry
							.<String, LongAdder>comparingByValue(java.util.Comparator.comparingLong(LongAdder::sum))
							.reversed())
						.map(entry -> entry.getValue().sum() + " " + entry.getKey())
						.toList());
		}
		catch (IOException ex) {
			System.err.println("[bench] could not write the census's sites: " + ex);
		}
	}

}

package sa.rawabit.platform.bench;

import java.util.Locale;

/**
 * One side's line of a live fan-out run (Rawabit or its peer, nginx + nchan), in the same
 * units, so a report shows both sides of one command in one table and the ratios between
 * them. {@code delivered} counts events clients parsed; {@code expected} what they should
 * have (events × subscribers of each event's channel). Latency is publish → client parse;
 * CPU is the server's (and PostgreSQL's, where the side uses it) during the publishing
 * phase only; memory is what idle streams added to the server: nginx's RSS, and the
 * replica's live heap plus its RSS outside the heap ({@code BenchReplica#memoryKb}: its
 * heap is committed and resident in full, as shipped, so RSS alone no longer follows the
 * streams). {@code streams} counts the streams that opened, {@code endedEarly} those the
 * server ended before the run did (cut off, or refused); a side that does not count them
 * says 0.
 */
record FanOutResult(String side, long expected, long delivered, double seconds, double p50Ms, double p99Ms,
		double maxMs, double serverCpuSeconds, double dbCpuSeconds, double rssKbPer1000Streams, String note,
		double jitCpuSeconds, long streams, long endedEarly) {

	/**
	 * A side that could not run here, with the reason, so the report says so instead of
	 * failing.
	 */
	static FanOutResult skipped(String side, String reason) {
		return new FanOutResult(side, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
				"skipped: " + reason, 0, 0, 0);
	}

	boolean wasSkipped() {
		return note != null && note.startsWith("skipped:");
	}

	/** Deliveries per second of the publishing phase. */
	double perSecond() {
		return seconds > 0 ? delivered / seconds : 0;
	}

	/**
	 * The server's and its database's CPU, less the server's JIT compilation (a JVM's
	 * warming up).
	 */
	double cpuWithoutJitSeconds() {
		return serverCpuSeconds - jitCpuSeconds + dbCpuSeconds;
	}

	/** CPU of the server and its database per delivery, in µs. */
	double cpuMicrosPerDelivery() {
		return delivered == 0 ? Double.NaN : (serverCpuSeconds + dbCpuSeconds) / delivered * 1e6;
	}

	static String header() {
		return "| side | delivered / expected | deliveries/s | p50 ms | p99 ms | max ms | server CPU s | DB CPU s "
				+ "| CPU µs/delivery | memory KB/1,000 streams | note |\n"
				+ "|---|---|---|---|---|---|---|---|---|---|---|";
	}

	String line() {
		return String.format(Locale.ROOT,
				"| %s | %,d / %,d | %,.0f | %.1f | %.1f | %.1f | %.2f | %.2f | %.1f | %,.0f | %s |", side, delivered,
				expected, perSecond(), p50Ms, p99Ms, maxMs, serverCpuSeconds, dbCpuSeconds, cpuMicrosPerDelivery(),
				rssKbPer1000Streams, note == null ? "" : note);
	}
}

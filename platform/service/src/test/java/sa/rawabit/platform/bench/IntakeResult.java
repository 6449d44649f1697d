package sa.rawabit.platform.bench;

import java.util.Locale;

/**
 * One side's line of a complaint-intake run: Rawabit's HTTP intake, or pgbench running
 * the same SQL against the same PostgreSQL ({@link PgbenchPeer}). {@code perSecond}
 * counts completed intakes; CPU is the server's (none for pgbench: it is the client) and
 * PostgreSQL's over the run.
 */
record IntakeResult(String side, int clients, double seconds, long completed, long failed, double perSecond,
		double p50Ms, double p99Ms, double maxMs, double serverCpuSeconds, double dbCpuSeconds, String note) {

	/**
	 * A side that could not run here, with the reason, so the report says so instead of
	 * failing.
	 */
	static IntakeResult skipped(String side, int clients, String reason) {
		return new IntakeResult(side, clients, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
				"skipped: " + reason);
	}

	boolean wasSkipped() {
		return note != null && note.startsWith("skipped:");
	}

	/** CPU of the server and PostgreSQL per completed intake, in µs. */
	double cpuMicrosPerIntake() {
		return completed == 0 ? Double.NaN : (serverCpuSeconds + dbCpuSeconds) / completed * 1e6;
	}

	static String header() {
		return "| side | clients | completed | failed | intakes/s | p50 ms | p99 ms | max ms | server CPU s | DB CPU s "
				+ "| CPU µs/intake | note |\n" + "|---|---|---|---|---|---|---|---|---|---|---|---|";
	}

	String line() {
		return String.format(Locale.ROOT,
				"| %s | %d | %,d | %,d | %,.0f | %.1f | %.1f | %.1f | %.2f | %.2f | %.0f | %s |", side, clients,
				completed, failed, perSecond, p50Ms, p99Ms, maxMs, serverCpuSeconds, dbCpuSeconds, cpuMicrosPerIntake(),
				note == null ? "" : note);
	}
}

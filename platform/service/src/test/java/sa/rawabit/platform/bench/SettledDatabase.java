package sa.rawabit.platform.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import sa.rawabit.testing.TestDatabase;

/**
 * PostgreSQL settled before an intake run, outside its window: the tables every filing
 * writes vacuumed and analysed, then a checkpoint. The sides run one after another on one
 * server, and each left the next one its debts: an autovacuum of the rows all sides wrote
 * fell into whichever side ran when the tables crossed its threshold (Rawabit's third
 * round, in two sessions' runs: PostgreSQL at 1,045 µs per filing instead of 550), and a
 * checkpoint, with the full-page images after it, into whichever ran when the WAL filled
 * up. Settled, each run starts from the same state, right after a checkpoint, and none is
 * due within it. pgbench vacuums before its own runs for the same reason (here it runs
 * with {@code -n}: this does it for every side alike). Only those tables, and none that a
 * paused replica holds a lock on ({@code skip_locked}): a vacuum of the whole database
 * waited without end on the oversight snapshot a replica had locked when it was paused
 * mid-refresh.
 */
final class SettledDatabase {

	private SettledDatabase() {
	}

	/** Vacuums, analyses and checkpoints; says how long it took. */
	static void settle(String before) {
		long start = System.nanoTime();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				Statement sql = superuser.createStatement()) {
			sql.execute("vacuum (analyze, skip_locked) app.complaint, app.audit_event, app.outbox");
			sql.execute("checkpoint");
			System.out.printf(Locale.ROOT, "[bench] PostgreSQL settled before %s in %.1f s%n", before,
					(System.nanoTime() - start) / 1e9);
		}
		catch (SQLException failed) {
			System.out.println("[bench] could not settle PostgreSQL before " + before + ": " + failed);
		}
	}

}

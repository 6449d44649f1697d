package sa.rawabit.platform.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import sa.rawabit.testing.TestDatabase;

/**
 * PostgreSQL's own work beside a run, from its statistics: the WAL it wrote, the
 * full-page images in it (a page's first change after a checkpoint writes the whole page)
 * and the checkpoints that started. An intake window slower than its neighbours with
 * PostgreSQL busier per statement can then be told to be a checkpoint's aftermath or not,
 * where per-process CPU alone could not say. The database's transactions and rows read,
 * all roles together, show whether a side sends more than the intake's own statements
 * (its background readers, the outbox's fan-out).
 */
record WalActivity(long records, long fullPageImages, long bytes, long checkpoints, long databaseTransactions,
		long rowsRead) {

	/** Now; none when the statistics cannot be read (the run still reports the rest). */
	static @Nullable WalActivity now() {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				Statement read = superuser.createStatement();
				ResultSet row = read.executeQuery("select w.wal_records, w.wal_fpi, w.wal_bytes, "
						+ "c.num_timed + c.num_requested, d.xact_commit + d.xact_rollback, "
						+ "d.tup_returned + d.tup_fetched from pg_stat_wal w, pg_stat_checkpointer c, "
						+ "pg_stat_database d where d.datname = current_database()")) {
			row.next();
			return new WalActivity(row.getLong(1), row.getLong(2), row.getBigDecimal(3).longValue(), row.getLong(4),
					row.getLong(5), row.getLong(6));
		}
		catch (SQLException unreadable) {
			return null;
		}
	}

	/** What was written since {@code before}, per transaction of the run. */
	static String since(@Nullable WalActivity before, long transactions) {
		WalActivity after = now();
		if (before == null || after == null || transactions == 0) {
			return "";
		}
		double per = transactions;
		return String.format(Locale.ROOT,
				"WAL %,.0f B, %.1f records, %.2f full-page images, %.2f database transactions, %.1f rows read "
						+ "per transaction; %d checkpoint(s)",
				(after.bytes - before.bytes) / per, (after.records - before.records) / per,
				(after.fullPageImages - before.fullPageImages) / per,
				(after.databaseTransactions - before.databaseTransactions) / per,
				(after.rowsRead - before.rowsRead) / per, after.checkpoints - before.checkpoints);
	}

}

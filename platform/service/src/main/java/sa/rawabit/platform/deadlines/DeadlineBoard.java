package sa.rawabit.platform.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The dashboard's view of the clocks: those due soon (past their warning, not yet due)
 * and those breached (past due and still not met), for the roles each clock names as its
 * audience.
 */
@Service
public class DeadlineBoard {

	/**
	 * Running clocks only (met and cancelled ones have nothing left to say), read through
	 * the partial index deadline_running (V160) in due order: the cost follows the open
	 * clocks, not the association's history.
	 */
	static final String BOARD = """
			select subject_type, subject_id, kind, due_at, due_at <= $2 as breached,
			       count(*) filter (where due_at > $2) over () as due_soon_total,
			       count(*) filter (where due_at <= $2) over () as breached_total
			from app.deadline
			where state not in ('met', 'cancelled')
			  and (cardinality(audience) = 0 or audience && $1::text[])
			  and (due_at <= $2 or state = 'warned' or warn_at <= $2)
			order by due_at, subject_id limit $3""";

	/**
	 * The statement behind {@link #of}: the plan tests and the dashboard benchmark run
	 * exactly this.
	 */
	public static final java.util.Map<String, String> STATEMENTS = java.util.Map.of("deadlines.board", BOARD);

	private final DatabaseClient database;

	private final Transactions transactions;

	private final Clock clock;

	DeadlineBoard(DatabaseClient database, Transactions transactions, Clock clock) {
		this.database = database;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Due soon and breached clocks for the caller's roles, soonest due first, at most
	 * {@code limit} of each.
	 */
	public Mono<Clocks> of(StaffMember me, int limit) {
		me.requireTenant();
		String[] roles = me.roles().toArray(String[]::new);
		Instant now = clock.instant();
		return transactions.inTenant(database.sql(BOARD)
			.bind(0, roles)
			.bind(1, now)
			.bind(2, limit * 2)
			.map(DeadlineBoard::row)
			.all()
			.collectList()
			.map(Clocks::of));
	}

	private static Row row(Readable row) {
		return new Row(
				new OpenClock(row.get("subject_type", String.class), row.get("subject_id", UUID.class),
						row.get("kind", String.class), row.get("due_at", Instant.class),
						Boolean.TRUE.equals(row.get("breached", Boolean.class))),
				row.get("due_soon_total", Long.class), row.get("breached_total", Long.class));
	}

	private record Row(OpenClock clock, long dueSoon, long breached) {
	}

	/**
	 * A clock on a list: the case it runs for (e.g. {@code request}, {@code complaint}),
	 * its kind and when it is due.
	 */
	public record OpenClock(String subjectType, UUID subjectId, String kind, Instant dueAt, boolean breached) {
	}

	/** Clocks due soon and breached, with how many of each there are in all. */
	public record Clocks(List<OpenClock> dueSoon, long dueSoonTotal, List<OpenClock> breached, long breachedTotal) {

		public Clocks {
			dueSoon = List.copyOf(dueSoon);
			breached = List.copyOf(breached);
		}

		private static Clocks of(List<Row> rows) {
			long dueSoon = rows.isEmpty() ? 0 : rows.getFirst().dueSoon();
			long breached = rows.isEmpty() ? 0 : rows.getFirst().breached();
			return new Clocks(rows.stream().map(Row::clock).filter(c -> !c.breached()).toList(), dueSoon,
					rows.stream().map(Row::clock).filter(OpenClock::breached).toList(), breached);
		}
	}

}

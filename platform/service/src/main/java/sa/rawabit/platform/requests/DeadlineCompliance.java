package sa.rawabit.platform.requests;

import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.time.TimeProperties;

/**
 * How the association's requests kept the policy's deadlines, per deadline, for its own
 * governance reports (the tenant in the Reactor Context). Counted as the national view
 * counts (OVERSIGHT.md): a deadline with a maximum that was met, or is unmet and past due
 * in Riyadh; within it when met on or before its due day, which the policy's working
 * calendar computed.
 */
@Service
public class DeadlineCompliance {

	private final DatabaseClient database;

	private final Transactions transactions;

	private final Clock clock;

	private final TimeProperties time;

	DeadlineCompliance(DatabaseClient database, Transactions transactions, Clock clock, TimeProperties time) {
		this.time = time;
		this.database = database;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @param startsAt the event the clock starts at, as the policy names it (e.g.
	 * request-complete)
	 * @param endsAt the event that meets it, if the policy says
	 * @param cases deadlines counted; @param withinDeadline of those, met on or before
	 * the due day
	 */
	public record Figure(String deadlineId, String startsAt, @Nullable String endsAt, long cases, long withinDeadline) {
	}

	public Flux<Figure> perDeadline() {
		return transactions.inTenantMany(database.sql("""
				select deadline_id, min(starts_at) as starts_at, min(ends_at) as ends_at,
				       count(*) filter (where met_on is not null or due_by < :today) as cases,
				       count(*) filter (where met_on is not null and met_on <= due_by) as within
				from app.request_deadline
				where due_by is not null
				group by deadline_id
				order by deadline_id""")
			.bind("today", LocalDate.now(clock.withZone(time.zone())))
			.map(row -> new Figure(row.get("deadline_id", String.class), row.get("starts_at", String.class),
					row.get("ends_at", String.class), row.get("cases", Long.class), row.get("within", Long.class)))
			.all());
	}

}

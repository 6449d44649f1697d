package sa.rawabit.platform.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Write;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Starts and stops the policy's clocks inside the caller's tenant transaction, so a clock
 * exists exactly when the event that starts it was committed. Firing is the sweeper's
 * job.
 */
@Service
public class Deadlines {

	private final DatabaseClient database;

	private final Clock clock;

	Deadlines(DatabaseClient database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	/**
	 * Starts the clock; starting one that already runs for the same subject and kind
	 * changes nothing.
	 */
	public Mono<Void> start(DeadlineClock deadline) {
		return startAll(List.of(deadline));
	}

	/**
	 * Starts every clock in one statement (one round trip, however many clocks the policy
	 * runs for the case); clocks that already run for the same subject and kind stay as
	 * they are.
	 */
	public Mono<Void> startAll(List<DeadlineClock> clocks) {
		if (clocks.isEmpty()) {
			return Mono.empty();
		}
		return TenantContext.require().flatMap(tenant -> starting(tenant, clocks).getFirst().spec(database).then());
	}

	/**
	 * {@link #startAll}'s statement (none for no clocks), for a caller that sends its
	 * transaction itself.
	 */
	public List<Write> starting(TenantId tenant, List<DeadlineClock> clocks) {
		if (clocks.isEmpty()) {
			return List.of();
		}
		StringBuilder rows = new StringBuilder();
		List<Object> values = new ArrayList<>(1 + clocks.size() * PER_ROW);
		values.add(tenant.value());
		Instant now = clock.instant();
		for (int row = 0; row < clocks.size(); row++) {
			int p = row * PER_ROW;
			rows.append(row == 0 ? "" : ", ").append("($1");
			for (int column = 1; column <= PER_ROW; column++) {
				rows.append(", $").append(p + column + 1);
			}
			rows.append(", 'running')");
			values.addAll(valuesOf(clocks.get(row), now));
		}
		return List.of(new Write("""
				insert into app.deadline (tenant_id, id, subject_type, subject_id, kind, policy_version, starts_at,
				                          not_before, warn_at, due_at, escalate_at, escalate_to, next_fire_at,
				                          updated_at, audience, state)
				values %s
				on conflict (tenant_id, subject_type, subject_id, kind) do nothing""".formatted(rows), values));
	}

	/**
	 * Parameters bound per clock, in column order; the tenant ($1) is shared by every
	 * row.
	 */
	private static final int PER_ROW = 14;

	private static List<Object> valuesOf(DeadlineClock deadline, Instant now) {
		return List.of(UUID.randomUUID(), deadline.subjectType(), deadline.subjectId(), deadline.kind(),
				Parameter.fromOrEmpty(deadline.policyVersion(), UUID.class), deadline.startsAt(),
				Parameter.fromOrEmpty(deadline.notBefore(), Instant.class),
				Parameter.fromOrEmpty(deadline.warnAt(), Instant.class), deadline.dueAt(),
				Parameter.fromOrEmpty(deadline.escalateAt(), Instant.class),
				Parameter.fromOrEmpty(deadline.escalateTo(), String.class), deadline.firstFire(), now,
				deadline.audience().stream().sorted().toArray(String[]::new));
	}

	/** The event the clock waited for happened: it stops, and nothing more fires. */
	public Mono<Boolean> meet(String subjectType, UUID subjectId, String kind) {
		return finish(subjectType, subjectId, kind, "met");
	}

	/**
	 * The case ended another way (withdrawn, converted): the clock stops without counting
	 * as met.
	 */
	public Mono<Boolean> cancel(String subjectType, UUID subjectId, String kind) {
		return finish(subjectType, subjectId, kind, "cancelled");
	}

	private Mono<Boolean> finish(String subjectType, UUID subjectId, String kind, String state) {
		return database.sql("""
				update app.deadline set state = $1, next_fire_at = null, updated_at = $2
				where subject_type = $3 and subject_id = $4 and kind = $5 and state not in ('met', 'cancelled')""")
			.bind(0, state)
			.bind(1, clock.instant())
			.bind(2, subjectType)
			.bind(3, subjectId)
			.bind(4, kind)
			.fetch()
			.rowsUpdated()
			.map(changed -> changed > 0);
	}

}

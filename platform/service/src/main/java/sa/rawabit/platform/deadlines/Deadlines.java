package sa.rawabit.platform.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;

/**
 * Starts and stops the policy's clocks inside the caller's tenant transaction, so a clock exists
 * exactly when the event that starts it was committed. Firing is the sweeper's job.
 */
@Service
public class Deadlines {

	private final DatabaseClient database;

	private final Clock clock;

	Deadlines(DatabaseClient database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	/** Starts the clock; starting one that already runs for the same subject and kind changes nothing. */
	public Mono<Void> start(DeadlineClock deadline) {
		return TenantContext.require().flatMap(tenant -> {
			GenericExecuteSpec insert = database.sql("""
					insert into app.deadline (tenant_id, id, subject_type, subject_id, kind, policy_version, starts_at,
					                          not_before, warn_at, due_at, escalate_at, escalate_to, state,
					                          next_fire_at, updated_at, audience)
					values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'running', $13, $14, $15)
					on conflict (tenant_id, subject_type, subject_id, kind) do nothing""")
				.bind(0, tenant.value())
				.bind(1, UUID.randomUUID())
				.bind(2, deadline.subjectType())
				.bind(3, deadline.subjectId())
				.bind(4, deadline.kind())
				.bind(6, deadline.startsAt())
				.bind(9, deadline.dueAt())
				.bind(12, deadline.firstFire())
				.bind(13, clock.instant())
				.bind(14, deadline.audience().stream().sorted().toArray(String[]::new));
			insert = insert.bind(5, Parameter.fromOrEmpty(deadline.policyVersion(), UUID.class));
			insert = insert.bind(7, Parameter.fromOrEmpty(deadline.notBefore(), Instant.class));
			insert = insert.bind(8, Parameter.fromOrEmpty(deadline.warnAt(), Instant.class));
			insert = insert.bind(10, Parameter.fromOrEmpty(deadline.escalateAt(), Instant.class));
			insert = insert.bind(11, Parameter.fromOrEmpty(deadline.escalateTo(), String.class));
			return insert.then();
		});
	}

	/** The event the clock waited for happened: it stops, and nothing more fires. */
	public Mono<Boolean> meet(String subjectType, UUID subjectId, String kind) {
		return finish(subjectType, subjectId, kind, "met");
	}

	/** The case ended another way (withdrawn, converted): the clock stops without counting as met. */
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

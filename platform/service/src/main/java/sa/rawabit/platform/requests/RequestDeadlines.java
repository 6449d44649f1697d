package sa.rawabit.platform.requests;

import java.time.LocalDate;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;

/**
 * The dates each request's clocks were given; the running clocks themselves are the
 * deadlines module's.
 */
@Repository
class RequestDeadlines {

	private final DatabaseClient database;

	RequestDeadlines(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> insert(RequestId request, RequestDeadline deadline) {
		return TenantContext.require().flatMap(tenant -> {
			GenericExecuteSpec insert = database.sql("""
					insert into app.request_deadline (tenant_id, request_id, deadline_id, starts_at, ends_at, unit,
					    started_on, not_before, warn_on, due_by)
					values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
					on conflict do nothing""")
				.bind(0, tenant.value())
				.bind(1, request.value())
				.bind(2, deadline.deadlineId())
				.bind(3, deadline.startsAt())
				.bind(5, deadline.unit())
				.bind(6, deadline.startedOn());
			insert = insert.bind(4, Parameter.fromOrEmpty(deadline.endsAt(), String.class));
			insert = insert.bind(7, Parameter.fromOrEmpty(deadline.notBefore(), LocalDate.class))
				.bind(8, Parameter.fromOrEmpty(deadline.warnOn(), LocalDate.class))
				.bind(9, Parameter.fromOrEmpty(deadline.dueBy(), LocalDate.class));
			return insert.then();
		});
	}

	Flux<RequestDeadline> of(RequestId request) {
		return database.sql("""
				select deadline_id, starts_at, ends_at, unit, started_on, not_before, warn_on, due_by, met_on
				from app.request_deadline where request_id = $1 order by started_on, deadline_id""")
			.bind(0, request.value())
			.map(RequestDeadlines::row)
			.all();
	}

	Mono<Void> meet(RequestId request, String deadlineId, LocalDate on) {
		return database.sql("""
				update app.request_deadline set met_on = $1
				where request_id = $2 and deadline_id = $3 and met_on is null""")
			.bind(0, on)
			.bind(1, request.value())
			.bind(2, deadlineId)
			.then();
	}

	private static RequestDeadline row(Readable row) {
		return new RequestDeadline(row.get("deadline_id", String.class), row.get("starts_at", String.class),
				row.get("ends_at", String.class), row.get("unit", String.class), row.get("started_on", LocalDate.class),
				row.get("not_before", LocalDate.class), row.get("warn_on", LocalDate.class),
				row.get("due_by", LocalDate.class), row.get("met_on", LocalDate.class));
	}

}

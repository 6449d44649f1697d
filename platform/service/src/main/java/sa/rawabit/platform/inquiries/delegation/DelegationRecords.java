package sa.rawabit.platform.inquiries.delegation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;

/**
 * SQL for officers' delegations, inside the caller's tenant transaction; row-level
 * security is the only tenant filter. Cancelled delegations are kept and never run.
 */
@Repository
class DelegationRecords {

	private static final String COLUMNS = """
			select id, absent_staff, delegate_staff, first_day, last_day, reason, created_by, created_at
			from app.officer_delegation
			""";

	private final DatabaseClient database;

	DelegationRecords(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Serialises additions for one absent officer within the transaction, so two
	 * overlapping delegations added at once cannot both pass the overlap check.
	 */
	Mono<Void> lockFor(String absent) {
		return TenantContext.require()
			.flatMap(tenant -> database.sql("select 1 as locked from pg_advisory_xact_lock(hashtextextended($1, 72))")
				.bind(0, tenant.value() + "/" + absent)
				.fetch()
				.first()
				.then());
	}

	Mono<Void> insert(Delegation delegation) {
		return TenantContext.require().flatMap(tenant -> {
			GenericExecuteSpec insert = database
				.sql("""
						insert into app.officer_delegation (tenant_id, id, absent_staff, delegate_staff, first_day, last_day,
						    reason, created_by, created_at)
						values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
				.bind(0, tenant.value())
				.bind(1, delegation.id())
				.bind(2, delegation.absent())
				.bind(3, delegation.delegate())
				.bind(4, delegation.firstDay())
				.bind(5, delegation.lastDay())
				.bind(7, delegation.createdBy())
				.bind(8, delegation.createdAt());
			insert = insert.bind(6, Parameter.fromOrEmpty(delegation.reason(), String.class));
			return insert.then();
		});
	}

	/**
	 * The running delegations of {@code absent} that share a day with
	 * {@code first}..{@code last}.
	 */
	Flux<Delegation> overlapping(String absent, LocalDate first, LocalDate last) {
		return database.sql(COLUMNS + """
				where cancelled_at is null and absent_staff = $1 and first_day <= $3 and last_day >= $2
				order by first_day""").bind(0, absent).bind(1, first).bind(2, last).map(DelegationRecords::read).all();
	}

	/**
	 * Not cancelled and not over by {@code day}: running now or still to come, soonest
	 * first.
	 */
	Flux<Delegation> fromDay(LocalDate day) {
		return database
			.sql(COLUMNS + "where cancelled_at is null and last_day >= $1 order by first_day, absent_staff, id")
			.bind(0, day)
			.map(DelegationRecords::read)
			.all();
	}

	/**
	 * Those running on {@code day}; only those whose delegate is {@code delegate} when
	 * one is given.
	 */
	Flux<Delegation> runningOn(LocalDate day, @Nullable String delegate) {
		GenericExecuteSpec query = database.sql(COLUMNS + """
				where cancelled_at is null and first_day <= $1 and last_day >= $1
				  and ($2::text is null or delegate_staff = $2)
				order by first_day, id""").bind(0, day);
		query = query.bind(1, Parameter.fromOrEmpty(delegate, String.class));
		return query.map(DelegationRecords::read).all();
	}

	/** Cancels it unless already cancelled; whether it did. */
	Mono<Boolean> cancel(UUID id, String by, Instant at) {
		return database.sql("""
				update app.officer_delegation set cancelled_by = $1, cancelled_at = $2
				where id = $3 and cancelled_at is null""")
			.bind(0, by)
			.bind(1, at)
			.bind(2, id)
			.fetch()
			.rowsUpdated()
			.map(changed -> changed > 0);
	}

	private static Delegation read(Readable row) {
		return new Delegation(row.get("id", UUID.class), row.get("absent_staff", String.class),
				row.get("delegate_staff", String.class), row.get("first_day", LocalDate.class),
				row.get("last_day", LocalDate.class), row.get("reason", String.class),
				row.get("created_by", String.class), row.get("created_at", Instant.class));
	}

}

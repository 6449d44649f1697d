package sa.rawabit.platform.inquiries.desk;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.inquiries.InquiryId;

/**
 * SQL for an inquiry's assignment history: who held it, from when, and why. Apart from
 * {@link InquiryRecords} because the history only grows (one row a hand-over) while the
 * inquiry row changes in place. In the caller's tenant transaction; row-level security is
 * the only filter.
 */
@Repository
class InquiryAssignments {

	/**
	 * One row of the assignment history: a reason a person typed, or a code the system
	 * wrote ({@code routed}, {@code delegated} with the absent officer it covers for).
	 */
	record Assignment(Officer officer, @Nullable String reason, @Nullable String reasonCode,
			@Nullable String coveringFor, String by, Instant at) {

		Assignment(Officer officer, String reason, String by, Instant at) {
			this(officer, reason, null, null, by, at);
		}

		static Assignment routed(ContactOfficerRouting.Routed routed, String by, Instant at) {
			return new Assignment(routed.officer(), null, routed.reasonCode(), routed.coveringFor(), by, at);
		}
	}

	private final DatabaseClient database;

	InquiryAssignments(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> assigned(InquiryId id, Assignment assignment) {
		return TenantContext.require().flatMap(tenant -> {
			GenericExecuteSpec insert = database.sql("""
					insert into app.inquiry_assignment (tenant_id, inquiry_id, id, assigned_role, assigned_staff,
					    reason, assigned_by, assigned_at, reason_code, covering_for)
					values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
				.bind(0, tenant.value())
				.bind(1, id.value())
				.bind(2, UUID.randomUUID())
				.bind(6, assignment.by())
				.bind(7, assignment.at());
			insert = insert.bind(5, Parameter.fromOrEmpty(assignment.reason(), String.class));
			insert = insert.bind(8, Parameter.fromOrEmpty(assignment.reasonCode(), String.class));
			insert = insert.bind(9, Parameter.fromOrEmpty(assignment.coveringFor(), String.class));
			insert = insert.bind(3, Parameter.fromOrEmpty(assignment.officer().role(), String.class));
			insert = insert.bind(4, Parameter.fromOrEmpty(assignment.officer().staff(), String.class));
			return insert.then();
		});
	}

	Flux<Assignment> assignments(InquiryId id) {
		return database.sql("""
				select assigned_role, assigned_staff, reason, reason_code, covering_for, assigned_by, assigned_at
				from app.inquiry_assignment where inquiry_id = $1 order by assigned_at, recorded""")
			.bind(0, id.value())
			.map(row -> new Assignment(InquiryRecords.officer(row), row.get("reason", String.class),
					row.get("reason_code", String.class), row.get("covering_for", String.class),
					row.get("assigned_by", String.class), row.get("assigned_at", Instant.class)))
			.all();
	}

}

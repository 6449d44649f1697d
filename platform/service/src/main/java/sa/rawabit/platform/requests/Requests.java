package sa.rawabit.platform.requests;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;

/**
 * Request rows. Like every repository here, no query names a tenant: row-level security
 * is the only filter, and callers run inside {@code Transactions.inTenant}.
 */
@Repository
class Requests {

	private static final String COLUMNS = """
			select r.id, r.beneficiary_id, r.service_id, r.channel, r.policy_version, r.policy_number, r.status,
			       r.stage_id, r.pending_role, r.outcome, r.checklist_size, r.checklist_done, r.received_at,
			       r.received_by, r.completed_at, r.closed_at, r.updated_at
			from app.request r\s""";

	/**
	 * The dashboard's queue: requests awaiting one of the caller's roles, oldest first.
	 * Its own statement, not the queue filter's optional conditions, so even a generic
	 * plan reads request_awaiting (V187) by pending_role: only requests someone still has
	 * to act on (a closed one awaits nobody), and per role only the first {@code $2} — 10
	 * + 10 rows for two roles instead of every request in their queues (500 in the
	 * benchmark's association: 0.49 ms, now 0.15).
	 */
	static final String AWAITING = "select r.* from (select distinct unnest($1::text[])) as role(name) "
			+ "cross join lateral (" + COLUMNS + "where r.pending_role = role.name order by r.received_at, r.id "
			+ "limit $2) r order by r.received_at, r.id limit $2";

	static final String AWAITING_COUNT = "select count(*) as n from app.request r where r.pending_role = any($1::text[])";

	private final DatabaseClient database;

	Requests(DatabaseClient database) {
		this.database = database;
	}

	Mono<BeneficiaryRequest> insert(BeneficiaryRequest request) {
		return TenantContext.require().flatMap(tenant -> {
			GenericExecuteSpec insert = database.sql("""
					insert into app.request (tenant_id, id, beneficiary_id, service_id, channel, policy_version,
					    policy_number, status, stage_id, pending_role, outcome, checklist_size, checklist_done,
					    received_at, received_by, completed_at, closed_at, updated_at)
					values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)""")
				.bind(0, tenant.value())
				.bind(1, request.id().value())
				.bind(2, request.beneficiaryId().value())
				.bind(3, request.serviceId())
				.bind(4, request.channel())
				.bind(5, request.policyVersion().value())
				.bind(6, request.policyNumber())
				.bind(11, request.checklistSize())
				.bind(13, request.receivedAt())
				.bind(14, request.receivedBy());
			return changeable(insert, request).then().thenReturn(request);
		});
	}

	/**
	 * The request, locked until the transaction ends, so two transitions never both pass
	 * their checks.
	 */
	Mono<BeneficiaryRequest> lock(RequestId id) {
		return database.sql(COLUMNS + "where r.id = $1 for update").bind(0, id.value()).map(Requests::row).one();
	}

	Mono<BeneficiaryRequest> find(RequestId id) {
		return database.sql(COLUMNS + "where r.id = $1").bind(0, id.value()).map(Requests::row).one();
	}

	Mono<BeneficiaryRequest> update(BeneficiaryRequest request) {
		GenericExecuteSpec update = database.sql("""
				update app.request set status = $1, stage_id = $2, pending_role = $3, outcome = $4,
				    checklist_done = $5, completed_at = $6, closed_at = $7, updated_at = $8
				where id = $9""")
			.bind(0, request.status().column())
			.bind(4, request.checklistDone().toArray(Integer[]::new))
			.bind(7, request.updatedAt())
			.bind(8, request.id().value());
		update = update.bind(1, Parameter.fromOrEmpty(request.stageId(), String.class))
			.bind(2, Parameter.fromOrEmpty(request.pendingRole(), String.class))
			.bind(3, Parameter.fromOrEmpty(request.outcome(), String.class));
		update = update.bind(5, Parameter.fromOrEmpty(request.completedAt(), Instant.class))
			.bind(6, Parameter.fromOrEmpty(request.closedAt(), Instant.class));
		return update.then().thenReturn(request);
	}

	Flux<BeneficiaryRequest> page(QueueFilter filter) {
		GenericExecuteSpec query = database
			.sql(COLUMNS + filter.where() + " order by r.received_at, r.id limit $7 offset $8");
		return filter.bind(query)
			.bind(6, filter.size())
			.bind(7, (long) filter.page() * filter.size())
			.map(Requests::row)
			.all();
	}

	Flux<BeneficiaryRequest> awaiting(String[] roles, int limit) {
		return database.sql(AWAITING).bind(0, roles).bind(1, limit).map(Requests::row).all();
	}

	Mono<Long> countAwaiting(String[] roles) {
		return database.sql(AWAITING_COUNT).bind(0, roles).map(row -> row.get("n", Long.class)).one();
	}

	Mono<Long> count(QueueFilter filter) {
		return filter.bind(database.sql("select count(*) as n from app.request r " + filter.where()))
			.map(row -> row.get("n", Long.class))
			.one();
	}

	private static GenericExecuteSpec changeable(GenericExecuteSpec spec, BeneficiaryRequest request) {
		spec = spec.bind(7, request.status().column())
			.bind(8, Parameter.fromOrEmpty(request.stageId(), String.class))
			.bind(9, Parameter.fromOrEmpty(request.pendingRole(), String.class))
			.bind(10, Parameter.fromOrEmpty(request.outcome(), String.class));
		spec = spec.bind(12, request.checklistDone().toArray(Integer[]::new));
		return spec.bind(15, Parameter.fromOrEmpty(request.completedAt(), Instant.class))
			.bind(16, Parameter.fromOrEmpty(request.closedAt(), Instant.class))
			.bind(17, request.updatedAt());
	}

	private static BeneficiaryRequest row(Readable row) {
		Integer[] done = row.get("checklist_done", Integer[].class);
		return new BeneficiaryRequest(new RequestId(row.get("id", UUID.class)),
				new BeneficiaryId(row.get("beneficiary_id", UUID.class)), row.get("service_id", String.class),
				row.get("channel", String.class), new PolicyVersionId(row.get("policy_version", UUID.class)),
				row.get("policy_number", Integer.class), RequestStatus.of(row.get("status", String.class)),
				row.get("stage_id", String.class), row.get("pending_role", String.class),
				row.get("outcome", String.class), row.get("checklist_size", Integer.class),
				done == null ? List.of() : Arrays.asList(done), row.get("received_at", Instant.class),
				row.get("received_by", String.class), row.get("completed_at", Instant.class),
				row.get("closed_at", Instant.class), row.get("updated_at", Instant.class));
	}

}

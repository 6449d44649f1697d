package sa.rawabit.platform.complaints;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.RowInsert;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.publicaccess.TrackingCode;

/**
 * SQL for complaints; every method runs inside the caller's tenant transaction (RLS does
 * the rest).
 */
@Repository
class ComplaintRecords {

	private static final String COLUMNS = """
			select id, channel, state, complainant_name, contact, subject, description, received_by,
			       policy_version, settlement, resolution, received_at, updated_at from app.complaint """;

	/**
	 * Open complaints, newest first: read from the partial index complaint_open (V160),
	 * open rows only.
	 */
	static final String OPEN = COLUMNS
			+ " where state not in ('settled', 'resolved') order by received_at desc, id limit $1";

	/**
	 * How many are open, and how many of those still wait to be acknowledged; from
	 * complaint_open alone.
	 */
	static final String OPEN_COUNT = """
			select count(*) as open, count(*) filter (where state = 'received') as received
			from app.complaint where state not in ('settled', 'resolved')""";

	private static final List<String> INSERTED = List.of("tenant_id", "id", "tracking_hash", "channel", "state",
			"complainant_name", "contact", "subject", "description", "received_by", "policy_version", "received_at",
			"updated_at");

	private final DatabaseClient database;

	ComplaintRecords(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A new complaint as a row, for the case kernel to write in the same statement as its
	 * audit and outbox events ({@link sa.rawabit.platform.cases.CaseMoves#record}).
	 */
	static RowInsert rowOf(TenantId tenant, Complaint complaint) {
		return new RowInsert("app.complaint", INSERTED, List.of(tenant.value(), complaint.id().value(),
				Objects.requireNonNull(complaint.trackingCode(), "a new complaint has its code").hash(),
				complaint.channel(), complaint.state().column(), complaint.complainantName(),
				Parameter.fromOrEmpty(complaint.contact(), String.class), complaint.subject(), complaint.description(),
				complaint.receivedBy(), Parameter.fromOrEmpty(value(complaint.policyVersion()), UUID.class),
				complaint.receivedAt(), complaint.updatedAt()));
	}

	/** Locks the row: concurrent transitions of one complaint run one after the other. */
	Mono<Complaint> lock(ComplaintId id) {
		return database.sql(COLUMNS + " where id = $1 for update")
			.bind(0, id.value())
			.map(ComplaintRecords::read)
			.one();
	}

	Mono<Complaint> find(ComplaintId id) {
		return database.sql(COLUMNS + " where id = $1").bind(0, id.value()).map(ComplaintRecords::read).one();
	}

	/** Open complaints, newest first. */
	Flux<Complaint> open(int limit) {
		return database.sql(OPEN).bind(0, limit).map(ComplaintRecords::read).all();
	}

	/** Every complaint of the association, newest first, optionally in one state. */
	Flux<Complaint> list(@Nullable ComplaintState state, int limit) {
		GenericExecuteSpec query = database
			.sql(COLUMNS + " where ($1::text is null or state = $1) order by received_at desc, id limit $2");
		query = state == null ? query.bindNull(0, String.class) : query.bind(0, state.column());
		return query.bind(1, limit).map(ComplaintRecords::read).all();
	}

	/** How many are open, and how many of those still wait to be acknowledged. */
	Mono<reactor.util.function.Tuple2<Long, Long>> countOpen() {
		return database.sql(OPEN_COUNT)
			.map(row -> reactor.util.function.Tuples.of(row.get("open", Long.class), row.get("received", Long.class)))
			.one();
	}

	/**
	 * Found by the hash of the code, as it is stored; the complaint read back carries no
	 * clear code.
	 */
	Mono<Complaint> findByTrackingCode(TrackingCode code) {
		return database.sql(COLUMNS + " where tracking_hash = $1")
			.bind(0, code.hash())
			.map(ComplaintRecords::read)
			.one();
	}

	Mono<Void> update(Complaint complaint) {
		GenericExecuteSpec update = database
			.sql("update app.complaint set state = $1, settlement = $2, resolution = $3, updated_at = $4 where id = $5")
			.bind(0, complaint.state().column())
			.bind(3, complaint.updatedAt())
			.bind(4, complaint.id().value());
		update = update.bind(1, Parameter.fromOrEmpty(complaint.settlement(), String.class));
		update = update.bind(2, Parameter.fromOrEmpty(complaint.resolution(), String.class));
		return update.then();
	}

	Mono<Boolean> compensationOpened(ComplaintId id) {
		return database.sql("select count(*) as n from app.compensation_case where complaint_id = $1")
			.bind(0, id.value())
			.map(row -> row.get("n", Long.class) > 0)
			.one();
	}

	Mono<Void> openCompensation(ComplaintId id, CompensationEvidence evidence, @Nullable PolicyVersionId policyVersion,
			String openedBy, Instant at) {
		return TenantContext.require()
			.flatMap(tenant -> database
				.sql("""
						insert into app.compensation_case (tenant_id, complaint_id, harm_by_association, minutes_reference,
						    minutes_dated, minutes_signed, ruling_reference, negotiation_record, policy_version, opened_by, opened_at)
						values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""")
				.bind(0, tenant.value())
				.bind(1, id.value())
				.bind(2, Boolean.TRUE.equals(evidence.associationCausedHarm()))
				.bind(3, evidence.minutes().reference())
				.bind(4, evidence.minutes().dated())
				.bind(5, Boolean.TRUE.equals(evidence.minutes().signedByMembers()))
				.bind(6, evidence.finalRulingReference())
				.bind(7, evidence.negotiationRecord())
				.bind(9, openedBy)
				.bind(10, at)
				.bind(8, Parameter.fromOrEmpty(value(policyVersion), UUID.class))
				.then());
	}

	Mono<CompensationCase> compensation(ComplaintId id) {
		return database.sql("""
				select harm_by_association, minutes_reference, minutes_dated, minutes_signed, ruling_reference,
				    negotiation_record, opened_by, opened_at
				from app.compensation_case where complaint_id = $1""")
			.bind(0, id.value())
			.map(row -> new CompensationCase(
					new CompensationEvidence(row.get("harm_by_association", Boolean.class),
							new CompensationEvidence.Minutes(row.get("minutes_reference", String.class),
									row.get("minutes_dated", java.time.LocalDate.class),
									row.get("minutes_signed", Boolean.class)),
							row.get("ruling_reference", String.class), row.get("negotiation_record", String.class)),
					row.get("opened_by", String.class), row.get("opened_at", Instant.class)))
			.one();
	}

	private static @Nullable UUID value(@Nullable PolicyVersionId version) {
		return version == null ? null : version.value();
	}

	private static @Nullable PolicyVersionId version(@Nullable UUID value) {
		return value == null ? null : new PolicyVersionId(value);
	}

	private static Complaint read(Readable row) {
		return new Complaint(new ComplaintId(row.get("id", UUID.class)), null, row.get("channel", String.class),
				ComplaintState.of(row.get("state", String.class)), row.get("complainant_name", String.class),
				row.get("contact", String.class), row.get("subject", String.class),
				row.get("description", String.class), row.get("received_by", String.class),
				version(row.get("policy_version", UUID.class)), row.get("settlement", String.class),
				row.get("resolution", String.class), row.get("received_at", Instant.class),
				row.get("updated_at", Instant.class));
	}

}

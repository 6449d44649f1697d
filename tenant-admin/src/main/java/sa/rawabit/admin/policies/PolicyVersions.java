package sa.rawabit.admin.policies;

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
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.policy.PolicyDate;

/**
 * Rows of {@code control.policy_version}, filtered by row-level security to the tenant of
 * the surrounding transaction; no query names a tenant in its WHERE clause.
 */
@Repository
class PolicyVersions {

	private static final String COLUMNS = """
			select tenant_id, id, number, status, source, source_sha256, created_by, created_at, published_by,
			       published_at, superseded_at, approval_body, approval_meeting, approval_session, approval_date,
			       approval_date_hijri
			from control.policy_version""";

	private final DatabaseClient database;

	PolicyVersions(DatabaseClient database) {
		this.database = database;
	}

	Mono<Integer> nextNumber() {
		return database.sql("select coalesce(max(number), 0) + 1 as next from control.policy_version")
			.map(row -> row.get("next", Integer.class))
			.one();
	}

	Mono<PolicyVersion> insertDraft(PolicyVersion draft) {
		return database.sql("""
				insert into control.policy_version (tenant_id, id, number, status, source, source_sha256, created_by,
				                                    created_at)
				values ($1, $2, $3, 'draft', $4, $5, $6, $7)""")
			.bind(0, draft.tenant().value())
			.bind(1, draft.id().value())
			.bind(2, draft.number())
			.bind(3, draft.source())
			.bind(4, draft.sha256())
			.bind(5, draft.createdBy())
			.bind(6, draft.createdAt())
			.then()
			.thenReturn(draft);
	}

	Mono<PolicyVersion> findById(PolicyVersionId id) {
		return database.sql(COLUMNS + " where id = $1").bind(0, id.value()).map(PolicyVersions::row).one();
	}

	/** Locks the row so that two publications of one association serialise. */
	Mono<PolicyVersion> lockById(PolicyVersionId id) {
		return database.sql(COLUMNS + " where id = $1 for update").bind(0, id.value()).map(PolicyVersions::row).one();
	}

	Mono<PolicyVersion> lockInForce() {
		return database.sql(COLUMNS + " where status = 'published' for update").map(PolicyVersions::row).one();
	}

	Mono<PolicyVersion> findInForce() {
		return database.sql(COLUMNS + " where status = 'published'").map(PolicyVersions::row).one();
	}

	Flux<PolicyVersion> findAll() {
		return database.sql(COLUMNS + " order by number desc").map(PolicyVersions::row).all();
	}

	Mono<PolicyVersion> updateLifecycle(PolicyVersion version) {
		BoardApproval approval = version.approval();
		GenericExecuteSpec update = database.sql("""
				update control.policy_version
				set status = $1, published_by = $2, published_at = $3, superseded_at = $4, approval_body = $5,
				    approval_meeting = $6, approval_session = $7, approval_date = $8, approval_date_hijri = $9
				where id = $10""").bind(0, version.status().column()).bind(9, version.id().value());
		update = update.bind(1, Parameter.fromOrEmpty(version.publishedBy(), String.class));
		update = update.bind(2, Parameter.fromOrEmpty(version.publishedAt(), Instant.class));
		update = update.bind(3, Parameter.fromOrEmpty(version.supersededAt(), Instant.class));
		update = update.bind(4, Parameter.fromOrEmpty(approval == null ? null : approval.body(), String.class));
		update = update.bind(5, Parameter.fromOrEmpty(approval == null ? null : approval.meeting(), String.class));
		update = update.bind(6, Parameter.fromOrEmpty(approval == null ? null : approval.session(), String.class));
		update = update.bind(7,
				Parameter.fromOrEmpty(approval == null ? null : approval.date().toGregorian(), LocalDate.class));
		update = update.bind(8,
				Parameter.fromOrEmpty(
						approval != null && approval.date() instanceof PolicyDate.Hijri hijri
								? "%04d-%02d-%02d".formatted(hijri.year(), hijri.month(), hijri.day()) : null,
						String.class));
		return update.then().thenReturn(version);
	}

	Mono<Long> deleteDraft(PolicyVersionId id) {
		return database.sql("delete from control.policy_version where id = $1 and status = 'draft'")
			.bind(0, id.value())
			.fetch()
			.rowsUpdated();
	}

	private static PolicyVersion row(Readable row) {
		return new PolicyVersion(new PolicyVersionId(row.get("id", UUID.class)),
				new TenantId(row.get("tenant_id", UUID.class)), row.get("number", Integer.class),
				PolicyVersionStatus.of(row.get("status", String.class)), row.get("source", String.class),
				row.get("source_sha256", String.class), row.get("created_by", String.class),
				row.get("created_at", Instant.class), row.get("published_by", String.class),
				row.get("published_at", Instant.class), row.get("superseded_at", Instant.class), approval(row));
	}

	private static @Nullable BoardApproval approval(Readable row) {
		String body = row.get("approval_body", String.class);
		LocalDate date = row.get("approval_date", LocalDate.class);
		if (body == null || date == null) {
			return null;
		}
		String hijri = row.get("approval_date_hijri", String.class);
		PolicyDate written = hijri == null ? PolicyDate.gregorian(date)
				: PolicyDate.hijri(Integer.parseInt(hijri.substring(0, 4)), Integer.parseInt(hijri.substring(5, 7)),
						Integer.parseInt(hijri.substring(8, 10)));
		return new BoardApproval(body, row.get("approval_meeting", String.class),
				row.get("approval_session", String.class), written);
	}

}

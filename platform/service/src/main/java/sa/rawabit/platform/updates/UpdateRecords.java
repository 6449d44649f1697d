package sa.rawabit.platform.updates;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Notices, recipients and watermarks, and what the control plane published (policy
 * versions, tool documents). Callers run inside {@code Transactions.inTenant}: row-level
 * security is the tenant filter, except for the registry of associations, which has no
 * tenant rows.
 */
@Repository
class UpdateRecords {

	private static final String NOTICES = """
			select n.id, n.kind, n.subject, n.version, n.summary_ar, n.summary_en, n.detected_at,
			       count(r.beneficiary_id) filter (where r.outcome in ('sent', 'in-person')) as told,
			       count(r.beneficiary_id) filter (where r.outcome in ('failed', 'no-consent', 'no-address')) as failed,
			       count(r.beneficiary_id) filter (where r.outcome in ('pending', 'queued')) as pending
			from app.update_notice n left join app.update_recipient r on r.tenant_id = n.tenant_id and r.notice_id = n.id\s""";

	private final DatabaseClient database;

	UpdateRecords(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Associations to scan: active ones (a suspended association's beneficiaries hear
	 * nothing from it).
	 */
	Flux<Association> activeTenants() {
		return database.sql("select id, slug, name_ar from control.tenant where status = 'active'")
			.map(UpdateRecords::association)
			.all();
	}

	/** {@code tenant}, when it is active. */
	Mono<Association> activeTenant(TenantId tenant) {
		return database.sql("select id, slug, name_ar from control.tenant where id = $1 and status = 'active'")
			.bind(0, tenant.value())
			.map(UpdateRecords::association)
			.one();
	}

	private static Association association(io.r2dbc.spi.Readable row) {
		return new Association(new TenantId(row.get("id", UUID.class)), row.get("slug", String.class),
				row.get("name_ar", String.class));
	}

	/** Every watermark of the association, keyed {@code kind:subject}. */
	Mono<Map<String, Integer>> watermarks() {
		return database.sql("select kind, subject, version from app.update_watermark")
			.map(row -> Map.entry(row.get("kind", String.class) + ":" + row.get("subject", String.class),
					row.get("version", Integer.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
	}

	/** Moves a watermark forward (never back, whichever replica writes last). */
	Mono<Void> watermark(String kind, String subject, int version, Instant at) {
		return upsert(kind, subject, version, at,
				"""
						do update set version = greatest(app.update_watermark.version, excluded.version), seen_at = excluded.seen_at""");
	}

	/**
	 * Records what is published when an association is first scanned; a baseline written
	 * concurrently by another replica wins, so a version published in between is still
	 * announced by the next scan.
	 */
	Mono<Void> baseline(String kind, String subject, int version, Instant at) {
		return upsert(kind, subject, version, at, "do nothing");
	}

	private Mono<Void> upsert(String kind, String subject, int version, Instant at, String onConflict) {
		return TenantContext.require()
			.flatMap(tenant -> database
				.sql("""
						insert into app.update_watermark (tenant_id, kind, subject, version, seen_at) values ($1, $2, $3, $4, $5)
						on conflict (tenant_id, kind, subject)\s"""
						+ onConflict)
				.bind(0, tenant.value())
				.bind(1, kind)
				.bind(2, subject)
				.bind(3, version)
				.bind(4, at)
				.then());
	}

	/** The association's policy version in force, by the control plane's own record. */
	Mono<Published> policyInForce() {
		return database.sql("select id, number from control.policy_version where status = 'published'")
			.map(row -> new Published(row.get("id", UUID.class), row.get("number", Integer.class)))
			.one();
	}

	/**
	 * The version the one numbered {@code number} superseded: the newest published before
	 * it.
	 */
	Mono<UUID> versionBefore(int number) {
		return database.sql("""
				select id from control.policy_version
				where status in ('published', 'superseded') and number < $1 order by number desc limit 1""")
			.bind(0, number)
			.map(row -> row.get("id", UUID.class))
			.one();
	}

	/** The newest version of each of the association's tool documents. */
	Flux<ToolVersion> latestTools() {
		return database.sql("""
				select distinct on (tool_id) tool_id, version, public, change_note
				from control.tool_document order by tool_id, version desc""")
			.map(row -> new ToolVersion(row.get("tool_id", String.class), row.get("version", Integer.class),
					Boolean.TRUE.equals(row.get("public", Boolean.class)), row.get("change_note", String.class)))
			.all();
	}

	/** Stores the notice unless another scan already did; empty then. */
	Mono<UUID> insertNotice(Change change, Instant at) {
		return TenantContext.require().flatMap(tenant -> {
			GenericExecuteSpec insert = database.sql("""
					insert into app.update_notice (tenant_id, id, kind, subject, version, policy_version, summary_ar,
					    summary_en, detected_at)
					values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
					on conflict (tenant_id, kind, subject, version) do nothing returning id""")
				.bind(0, tenant.value())
				.bind(1, UUID.randomUUID())
				.bind(2, change.kind())
				.bind(3, change.subject())
				.bind(4, change.version())
				.bind(6, change.summaryAr())
				.bind(7, change.summaryEn())
				.bind(8, at);
			insert = insert.bind(5, Parameter.fromOrEmpty(change.policyVersion(), UUID.class));
			return insert.map(row -> row.get("id", UUID.class)).one();
		});
	}

	/**
	 * @return whether this call put the beneficiary on the notice (and so must tell them)
	 */
	Mono<Boolean> insertRecipient(UUID notice, UUID beneficiary) {
		return TenantContext.require()
			.flatMap(tenant -> database.sql("""
					insert into app.update_recipient (tenant_id, notice_id, beneficiary_id) values ($1, $2, $3)
					on conflict do nothing returning beneficiary_id""")
				.bind(0, tenant.value())
				.bind(1, notice)
				.bind(2, beneficiary)
				.map(row -> true)
				.one()
				.defaultIfEmpty(false));
	}

	/**
	 * A queued notice's outcome: {@code sent}, or {@code failed} once the sender gave up.
	 */
	Mono<Void> settled(UUID notice, UUID beneficiary, boolean sent) {
		return database.sql("""
				update app.update_recipient set outcome = $1
				where notice_id = $2 and beneficiary_id = $3 and outcome = 'queued'""")
			.bind(0, sent ? "sent" : "failed")
			.bind(1, notice)
			.bind(2, beneficiary)
			.then();
	}

	Mono<Void> told(UUID notice, UUID beneficiary, String channel, String outcome, Instant at) {
		return database.sql("""
				update app.update_recipient set channel = $1, outcome = $2, told_at = $3
				where notice_id = $4 and beneficiary_id = $5""")
			.bind(0, channel)
			.bind(1, outcome)
			.bind(2, at)
			.bind(3, notice)
			.bind(4, beneficiary)
			.then();
	}

	Flux<UpdateNotice> recent(int limit) {
		return database
			.sql(NOTICES + "group by n.tenant_id, n.id order by n.detected_at desc, n.kind, n.subject limit $1")
			.bind(0, limit)
			.map(UpdateRecords::noticeOf)
			.all();
	}

	Mono<UpdateNotice> notice(UUID id) {
		return database.sql(NOTICES + "where n.id = $1 group by n.tenant_id, n.id")
			.bind(0, id)
			.map(UpdateRecords::noticeOf)
			.one();
	}

	Flux<Recipient> recipients(UUID notice) {
		return database.sql("""
				select beneficiary_id, channel, outcome, told_at from app.update_recipient
				where notice_id = $1 order by told_at nulls last, beneficiary_id""")
			.bind(0, notice)
			.map(row -> new Recipient(row.get("beneficiary_id", UUID.class), row.get("channel", String.class),
					row.get("outcome", String.class), row.get("told_at", Instant.class)))
			.all();
	}

	private static UpdateNotice noticeOf(Readable row) {
		return new UpdateNotice(row.get("id", UUID.class), row.get("kind", String.class),
				row.get("subject", String.class), row.get("version", Integer.class),
				row.get("summary_ar", String.class), row.get("summary_en", String.class),
				row.get("detected_at", Instant.class), row.get("told", Long.class), row.get("failed", Long.class),
				row.get("pending", Long.class));
	}

	/** An association as the registry names it. */
	record Association(TenantId id, String slug, String nameAr) {
	}

	/** A policy version and its number. */
	record Published(UUID id, int number) {
	}

	/** The newest version of one tool document. */
	record ToolVersion(String toolId, int version, boolean isPublic, @Nullable String changeNote) {
	}

	/** One person put on a notice, and what became of the message. */
	record Recipient(UUID beneficiary, @Nullable String channel, String outcome, @Nullable Instant toldAt) {
	}

}

package sa.rawabit.platform.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * The persisted position of each reaction in the outbox ({@code app.reaction_cursor}, as
 * the worker). A replica leases a reaction's row for a while, handles what follows it,
 * and writes the new position back; a replica that dies holding a lease loses it when the
 * lease runs out and another takes over, so each event is handled at least once and,
 * while replicas live, by one of them.
 */
final class ReactionCursors {

	/** Rows no running transaction can still precede (see V11) are "settled". */
	private static final String SETTLED = "txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

	private final WorkerDatabase worker;

	private final String replica = UUID.randomUUID().toString();

	ReactionCursors(WorkerDatabase worker) {
		this.worker = worker;
	}

	record Position(long txid, long id) {

		Position max(Position other) {
			return txid > other.txid || (txid == other.txid && id >= other.id) ? this : other;
		}
	}

	record Row(TenantId tenant, long id, long txid, Instant occurredAt, boolean settled, String events) {
	}

	/**
	 * Creates the reaction's position at the present the first time it is seen; later
	 * starts keep theirs.
	 */
	Mono<Void> register(String reaction) {
		return worker.client().sql("""
				insert into app.reaction_cursor (reaction, txid, id, updated_at)
				values ($1, pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1, 9223372036854775807, now())
				on conflict (reaction) do nothing""").bind(0, reaction).then();
	}

	/**
	 * The position, when this replica may work on the reaction now (no other lease, no
	 * backoff running).
	 */
	Mono<Position> lease(String reaction, Duration lease) {
		return worker.client()
			.sql("""
					update app.reaction_cursor set leased_by = $2, leased_until = now() + make_interval(secs => $3)
					where reaction = $1 and (leased_until is null or leased_until < now() or leased_by = $2)
					  and (retry_at is null or retry_at <= now())
					returning txid, id""")
			.bind(0, reaction)
			.bind(1, replica)
			.bind(2, (double) lease.toSeconds())
			.map(row -> new Position(row.get("txid", Long.class), row.get("id", Long.class)))
			.one();
	}

	/**
	 * Everything before this position is settled (written by transactions no longer
	 * running): a reaction that handled every row of its type up to here may move past
	 * the rows of other types too, so its position — and what the purge must keep for it
	 * — follows the outbox rather than its rarest event.
	 */
	Mono<Position> settledHead() {
		return worker.client()
			.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1 as txid")
			.map(row -> new Position(row.get("txid", Long.class), Long.MAX_VALUE))
			.one();
	}

	/** The next outbox rows after {@code after} that carry one of {@code types}. */
	Mono<List<Row>> next(Position after, String type, int limit) {
		return worker.client()
			.sql("""
					select tenant_id, id, txid, occurred_at, events::text as events, %s as settled from app.outbox
					where (txid, id) > ($1, $2) and event_types @> array[$3]::text[] order by txid, id limit $4"""
				.formatted(SETTLED))
			.bind(0, after.txid())
			.bind(1, after.id())
			.bind(2, type)
			.bind(3, limit)
			.map(ReactionCursors::row)
			.all()
			.collectList();
	}

	private static Row row(Readable row) {
		return new Row(new TenantId(row.get("tenant_id", UUID.class)), row.get("id", Long.class),
				row.get("txid", Long.class), row.get("occurred_at", Instant.class),
				Boolean.TRUE.equals(row.get("settled", Boolean.class)), row.get("events", String.class));
	}

	/**
	 * Writes the position reached and gives the lease back; a failure sets when to try
	 * again.
	 */
	Mono<Void> release(String reaction, Position reached, @Nullable Throwable failure, Duration backoffBase,
			Duration backoffMax) {
		var update = worker.client()
			.sql("""
					update app.reaction_cursor set txid = $2, id = $3, leased_by = null, leased_until = null,
					    failures = case when $4::text is null then 0 else failures + 1 end,
					    retry_at = case when $4::text is null then null
					               else now() + least(make_interval(secs => $5 * power(2, least(failures, 20))),
					                                  make_interval(secs => $6)) end,
					    last_error = $4, updated_at = now()
					where reaction = $1 and leased_by = $7""")
			.bind(0, reaction)
			.bind(1, reached.txid())
			.bind(2, reached.id());
		update = failure == null ? update.bindNull(3, String.class) : update.bind(3, clip(failure.toString()));
		return update.bind(4, backoffBase.toMillis() / 1000.0)
			.bind(5, (double) backoffMax.toSeconds())
			.bind(6, replica)
			.then();
	}

	private static String clip(String text) {
		return text.length() > 500 ? text.substring(0, 500) : text;
	}

}

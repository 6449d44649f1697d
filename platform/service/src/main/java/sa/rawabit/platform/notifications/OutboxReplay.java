package sa.rawabit.platform.notifications;

import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;

/**
 * What a reconnecting stream missed: the association's settled outbox rows after the last
 * event it saw, read as the staff member's association under row-level security - an
 * event id of another association finds no row here and replays only this association's
 * own events.
 */
@Component
class OutboxReplay {

	/** The stream event telling a page that its replay has a hole and it must reload. */
	static final String REPLAY_GAP = "replay-gap";

	private final Transactions transactions;

	private final DatabaseClient database;

	private final DeliveryRows rows;

	private final NotificationsProperties properties;

	OutboxReplay(Transactions transactions, DatabaseClient database, NotificationsProperties properties) {
		this.transactions = transactions;
		this.database = database;
		this.rows = new DeliveryRows();
		this.properties = properties;
	}

	/**
	 * Needs the tenant in the Reactor Context. Starts with a {@code replay-gap} event
	 * when events after {@code lastEventId} were already purged (the window passed): the
	 * page must reload, not trust a replay with a hole in it.
	 */
	Flux<Delivery> after(long lastEventId) {
		return gap(lastEventId).concatWith(rowsAfter(lastEventId));
	}

	private Mono<Delivery> gap(long lastEventId) {
		return TenantContext.require()
			.flatMap(tenant -> transactions
				.inTenant(database.sql("select purged_through from app.outbox_purge where purged_through >= $1")
					.bind(0, lastEventId)
					.map(row -> row.get("purged_through", Long.class))
					.one())
				.map(purged -> new Delivery(tenant, purged, Long.MIN_VALUE, REPLAY_GAP, Set.of(),
						"{\"purgedThrough\":" + purged + ",\"reload\":true}", Set.of())));
	}

	private Flux<Delivery> rowsAfter(long lastEventId) {
		return transactions.inTenantMany(database.sql("""
				select %s from app.outbox
				where (txid, id) > (coalesce((select txid from app.outbox where id = $1), 0), $1)
				  and txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
				order by txid, id limit $2""".formatted(DeliveryRows.COLUMNS))
			.bind(0, lastEventId)
			.bind(1, properties.replayLimit())
			.map(rows::read)
			.all());
	}

}

package sa.rawabit.platform.notifications;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import sa.rawabit.foundation.database.Transactions;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a reconnecting stream missed: the association's settled outbox rows after the last event it
 * saw, read as the staff member's association under row-level security - an event id of another
 * association finds no row here and replays only this association's own events.
 */
@Component
class OutboxReplay {

	private final Transactions transactions;

	private final DatabaseClient database;

	private final DeliveryRows rows;

	private final NotificationsProperties properties;

	OutboxReplay(Transactions transactions, DatabaseClient database, JsonMapper json,
			NotificationsProperties properties) {
		this.transactions = transactions;
		this.database = database;
		this.rows = new DeliveryRows(json);
		this.properties = properties;
	}

	/** Needs the tenant in the Reactor Context. */
	Flux<Delivery> after(long lastEventId) {
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

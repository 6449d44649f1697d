package sa.rawabit.platform.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;

/**
 * Names for staff a page shows who have not acted on that case (an inquiry's assignee, a
 * delegation's officers): the name each last acted under anywhere in the association's
 * trail (every member's policy acknowledgement records it). The platform cannot read
 * Keycloak; a username never seen with a name stays a username.
 */
@Service
public class StaffNames {

	static final String LATEST = """
			select distinct on (actor) actor, detail->>'actorName' as name from app.audit_event
			where actor = any($1) and detail->>'actorName' is not null
			order by actor, occurred_at desc""";

	private final DatabaseClient database;

	private final Transactions transactions;

	StaffNames(DatabaseClient database, Transactions transactions) {
		this.database = database;
		this.transactions = transactions;
	}

	/**
	 * {@code known}, plus names for those of {@code usernames} it does not know, in a
	 * transaction of the association in the Reactor Context.
	 */
	public Mono<ActorNames> add(ActorNames known, Collection<@Nullable String> usernames) {
		String[] unknown = usernames.stream()
			.filter(Objects::nonNull)
			.filter(username -> !known.knows(username))
			.distinct()
			.toArray(String[]::new);
		if (unknown.length == 0) {
			return Mono.just(known);
		}
		return transactions
			.inTenant(database.sql(LATEST)
				.bind(0, unknown)
				.map(row -> Map.entry(row.get("actor", String.class), row.get("name", String.class)))
				.all()
				.collectMap(Map.Entry::getKey, Map.Entry::getValue))
			.map(known::with);
	}

}

package sa.rawabit.admin.staff;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;

/**
 * Records that a person's membership or roles in the caller's association just changed
 * ({@code control.staff_revocation}): every credential they were issued before now stops
 * counting on the platform's pages, APIs and live streams and in this console, within the
 * planes' short revocation cache. Their next sign-in carries what Keycloak holds now.
 */
@Component
class StaffRevocations {

	private final Transactions transactions;

	private final DatabaseClient database;

	StaffRevocations(Transactions transactions, DatabaseClient database) {
		this.transactions = transactions;
		this.database = database;
	}

	Mono<Void> removed(String userId) {
		return record(userId, "removed");
	}

	Mono<Void> rolesChanged(String userId) {
		return record(userId, "roles-changed");
	}

	private Mono<Void> record(String userId, String reason) {
		return transactions.inTenant(database
			.sql("""
					insert into control.staff_revocation (tenant_id, subject, revoked_at, reason)
					values (nullif(current_setting('app.tenant_id', true), '')::uuid, $1, clock_timestamp(), $2)
					on conflict (tenant_id, subject) do update set revoked_at = excluded.revoked_at, reason = excluded.reason
					""")
			.bind(0, userId)
			.bind(1, reason)
			.then());
	}

}

package sa.rawabit.admin.onboarding;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * The association's record of operators' exports of its data: written in the transaction
 * that reads the rows exported, read by its tenant administrator. Every method runs
 * inside the caller's tenant transaction.
 */
@Repository
class OperatorExports {

	private final DatabaseClient database;

	OperatorExports(DatabaseClient database) {
		this.database = database;
	}

	/** One export by {@code operator} at {@code at}. */
	record Entry(String exportedBy, Instant exportedAt) {
	}

	Mono<Void> record(TenantId tenant, Entry entry) {
		return database.sql("""
				insert into control.operator_export (tenant_id, id, exported_by, exported_at)
				values ($1, $2, $3, $4)""")
			.bind(0, tenant.value())
			.bind(1, UUID.randomUUID())
			.bind(2, entry.exportedBy())
			.bind(3, entry.exportedAt())
			.then();
	}

	/**
	 * Newest first; row-level security keeps it to the association of the transaction.
	 */
	Flux<Entry> all() {
		return database.sql("select exported_by, exported_at from control.operator_export order by exported_at desc")
			.map(row -> new Entry(row.get("exported_by", String.class), row.get("exported_at", Instant.class)))
			.all();
	}

}

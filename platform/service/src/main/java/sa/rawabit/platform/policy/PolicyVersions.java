package sa.rawabit.platform.policy;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Reads the control plane's policy versions. Which version is in force comes from the
 * tenant registry (no tenant rows, system scope); a version's source only inside that
 * tenant's scope, where row-level security lets the platform see nothing of any other
 * association.
 */
@Repository
class PolicyVersions {

	private static final String PURPOSE = "policy-registry";

	private final Transactions transactions;

	private final DatabaseClient database;

	PolicyVersions(Transactions transactions, DatabaseClient database) {
		this.transactions = transactions;
		this.database = database;
	}

	/** Every association that has a version in force, and which one. */
	Flux<InForce> inForceEverywhere() {
		return transactions.asSystemMany(PURPOSE,
				database.sql("select id, policy_version_id from control.tenant where policy_version_id is not null")
					.map(row -> new InForce(new TenantId(row.get("id", UUID.class)),
							new PolicyVersionId(row.get("policy_version_id", UUID.class))))
					.all());
	}

	/** The version in force for one association; empty while it has none. */
	Mono<PolicyVersionId> inForce(TenantId tenant) {
		return transactions.asSystem(PURPOSE,
				database
					.sql("select policy_version_id from control.tenant where id = $1 and policy_version_id is not null")
					.bind(0, tenant.value())
					.map(row -> new PolicyVersionId(row.get("policy_version_id", UUID.class)))
					.one());
	}

	/** A published or superseded version of this association; drafts are never served. */
	Mono<StoredVersion> find(TenantId tenant, PolicyVersionId version) {
		return transactions
			.inTenant(database.sql("""
					select number, published_at, source from control.policy_version
					where tenant_id = $1 and id = $2 and status in ('published', 'superseded')""")
				.bind(0, tenant.value())
				.bind(1, version.value())
				.map(row -> new StoredVersion(tenant, version, row.get("number", Integer.class),
						row.get("published_at", OffsetDateTime.class), row.get("source", String.class)))
				.one())
			.contextWrite(TenantContext.of(tenant));
	}

	record InForce(TenantId tenant, PolicyVersionId version) {
	}

	record StoredVersion(TenantId tenant, PolicyVersionId version, int number, OffsetDateTime publishedAt,
			String source) {
	}

}

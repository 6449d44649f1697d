package sa.rawabit.platform.policy;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantContext;

/**
 * The association's acknowledgement rows; every method runs inside the caller's tenant
 * transaction.
 */
@Repository
class AcknowledgementRecords {

	private final DatabaseClient database;

	AcknowledgementRecords(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Stores the acknowledgement unless this person already acknowledged this version;
	 * true when stored.
	 */
	Mono<Boolean> insert(Acknowledgement acknowledgement) {
		return TenantContext.require()
			.flatMap(tenant -> database.sql("""
					insert into app.policy_acknowledgement (tenant_id, policy_version, subject, username, policy_number,
					                                        statement, acknowledged_at)
					values ($1, $2, $3, $4, $5, $6, $7)
					on conflict (tenant_id, policy_version, subject) do nothing""")
				.bind(0, tenant.value())
				.bind(1, acknowledgement.version().value())
				.bind(2, acknowledgement.subject())
				.bind(3, acknowledgement.username())
				.bind(4, acknowledgement.number())
				.bind(5, acknowledgement.statement())
				.bind(6, acknowledgement.acknowledgedAt())
				.fetch()
				.rowsUpdated()
				.map(rows -> rows > 0));
	}

	Mono<Acknowledgement> find(PolicyVersionId version, String subject) {
		return database.sql("""
				select policy_version, policy_number, subject, username, statement, acknowledged_at
				from app.policy_acknowledgement where policy_version = $1 and subject = $2""")
			.bind(0, version.value())
			.bind(1, subject)
			.map(AcknowledgementRecords::acknowledgement)
			.one();
	}

	/**
	 * Whether {@code username} acknowledged any version; RLS limits it to this
	 * association's rows.
	 */
	Mono<Boolean> anyBy(String username) {
		return database.sql("select exists (select 1 from app.policy_acknowledgement where username = $1) as known")
			.bind(0, username)
			.map(row -> Boolean.TRUE.equals(row.get("known", Boolean.class)))
			.one();
	}

	/**
	 * Acknowledgements of {@code version}, and distinct people who acknowledged any
	 * version.
	 */
	Mono<Coverage> coverage(PolicyVersionId version) {
		return database.sql("""
				select count(*) filter (where policy_version = $1) as acknowledged, count(distinct subject) as known
				from app.policy_acknowledgement""")
			.bind(0, version.value())
			.map(row -> new Coverage(version, row.get("acknowledged", Long.class), row.get("known", Long.class)))
			.one();
	}

	private static Acknowledgement acknowledgement(Readable row) {
		return new Acknowledgement(new PolicyVersionId(row.get("policy_version", UUID.class)),
				row.get("policy_number", Integer.class), row.get("subject", String.class),
				row.get("username", String.class), row.get("statement", String.class),
				row.get("acknowledged_at", Instant.class));
	}

}

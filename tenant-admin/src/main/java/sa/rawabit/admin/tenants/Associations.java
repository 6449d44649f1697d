package sa.rawabit.admin.tenants;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.tenancy.TenantStatus;

/**
 * Rows of {@code control.tenant}; callers run in a system scope (the registry is not
 * tenant-owned).
 */
@Repository
class Associations {

	private static final String COLUMNS = """
			select id, slug, name_ar, name_en, licence_authority, licence_number, region, status, created_at, updated_at
			from control.tenant""";

	private final DatabaseClient database;

	Associations(DatabaseClient database) {
		this.database = database;
	}

	Mono<Association> insert(Association association) {
		return database.sql("""
				insert into control.tenant (id, slug, name_ar, name_en, licence_authority, licence_number, region,
				                            status, created_at, updated_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
			.bind(0, association.id().value())
			.bind(1, association.slug())
			.bind(2, association.nameAr())
			.bind(3, association.nameEn())
			.bind(4, association.licence().authority())
			.bind(5, association.licence().number())
			.bind(6, association.region())
			.bind(7, association.status().column())
			.bind(8, association.createdAt())
			.bind(9, association.updatedAt())
			.then()
			.thenReturn(association);
	}

	Mono<Association> findById(TenantId id) {
		return database.sql(COLUMNS + " where id = $1").bind(0, id.value()).map(Associations::row).one();
	}

	Mono<Association> findBySlug(String slug) {
		return database.sql(COLUMNS + " where slug = $1").bind(0, slug).map(Associations::row).one();
	}

	Mono<Void> delete(TenantId id) {
		return database.sql("delete from control.tenant where id = $1").bind(0, id.value()).then();
	}

	Flux<Association> findAll() {
		return database.sql(COLUMNS + " order by slug").map(Associations::row).all();
	}

	Mono<Association> updateStatus(Association association) {
		return database.sql("update control.tenant set status = $1, updated_at = $2 where id = $3")
			.bind(0, association.status().column())
			.bind(1, association.updatedAt())
			.bind(2, association.id().value())
			.then()
			.thenReturn(association);
	}

	Mono<Void> recordPolicyInForce(TenantId id, UUID version, Instant publishedAt) {
		return database.sql("update control.tenant set policy_version_id = $1, policy_published_at = $2 where id = $3")
			.bind(0, version)
			.bind(1, publishedAt)
			.bind(2, id.value())
			.then();
	}

	/**
	 * When each association's policy in force was published; associations without one are
	 * absent.
	 */
	Flux<PolicyInForce> policiesInForce() {
		return database.sql("select id, policy_published_at from control.tenant where policy_version_id is not null")
			.map(row -> new PolicyInForce(new TenantId(row.get("id", UUID.class)),
					row.get("policy_published_at", Instant.class)))
			.all();
	}

	private static Association row(Readable row) {
		return new Association(new TenantId(row.get("id", UUID.class)), row.get("slug", String.class),
				row.get("name_ar", String.class), row.get("name_en", String.class),
				new Licence(row.get("licence_authority", String.class), row.get("licence_number", String.class)),
				row.get("region", String.class), TenantStatus.of(row.get("status", String.class)),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
	}

}

package sa.rawabit.platform.beneficiaries;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Beneficiary rows. Queries never name a tenant in their WHERE clauses on purpose: row-level security
 * is the only filter, so a mistake here cannot widen what a tenant sees. Callers run inside
 * {@code Transactions.inTenant}; outside it every call fails.
 */
@Repository
class Beneficiaries {

	private static final String COLUMNS = "select tenant_id, id, national_id, full_name, phone, email, created_at "
			+ "from app.beneficiary ";

	private final DatabaseClient database;

	Beneficiaries(DatabaseClient database) {
		this.database = database;
	}

	Mono<Beneficiary> insert(Beneficiary beneficiary) {
		GenericExecuteSpec insert = database.sql("""
				insert into app.beneficiary (tenant_id, id, national_id, full_name, phone, email, created_at)
				values ($1, $2, $3, $4, $5, $6, $7)""")
			.bind(0, beneficiary.tenantId().value())
			.bind(1, beneficiary.id().value())
			.bind(2, beneficiary.nationalId())
			.bind(3, beneficiary.fullName())
			.bind(6, beneficiary.createdAt());
		return contact(insert, 4, beneficiary.phone(), beneficiary.email()).then().thenReturn(beneficiary);
	}

	Mono<Beneficiary> findById(BeneficiaryId id) {
		return database.sql(COLUMNS + "where id = $1").bind(0, id.value()).map(Beneficiaries::row).one();
	}

	Flux<Beneficiary> findAll() {
		return database.sql(COLUMNS + "order by created_at, id").map(Beneficiaries::row).all();
	}

	/** @return rows changed: 0 when the id is unknown to this tenant */
	Mono<Long> updateContact(BeneficiaryId id, @Nullable String phone, @Nullable String email) {
		GenericExecuteSpec update = database.sql("update app.beneficiary set phone = $1, email = $2 where id = $3")
			.bind(2, id.value());
		return contact(update, 0, phone, email).fetch().rowsUpdated();
	}

	/** @return rows removed: 0 when the id is unknown to this tenant */
	Mono<Long> delete(BeneficiaryId id) {
		return database.sql("delete from app.beneficiary where id = $1").bind(0, id.value()).fetch().rowsUpdated();
	}

	private static GenericExecuteSpec contact(GenericExecuteSpec spec, int first, @Nullable String phone,
			@Nullable String email) {
		spec = phone == null ? spec.bindNull(first, String.class) : spec.bind(first, phone);
		return email == null ? spec.bindNull(first + 1, String.class) : spec.bind(first + 1, email);
	}

	private static Beneficiary row(Readable row) {
		return new Beneficiary(new BeneficiaryId(row.get("id", UUID.class)),
				new TenantId(row.get("tenant_id", UUID.class)), row.get("national_id", String.class),
				row.get("full_name", String.class), row.get("phone", String.class), row.get("email", String.class),
				row.get("created_at", Instant.class));
	}
}

package sa.rawabit.platform.beneficiaries;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Beneficiary rows. Queries never name a tenant in their WHERE clauses on purpose:
 * row-level security is the only filter, so a mistake here cannot widen what a tenant
 * sees. Callers run inside {@code Transactions.inTenant}; outside it every call fails.
 */
@Repository
class Beneficiaries {

	private static final String COLUMNS = "select tenant_id, id, national_id, full_name, phone, email, address, "
			+ "category, contact_channel, consent_given, consent_at, created_at from app.beneficiary ";

	private final DatabaseClient database;

	Beneficiaries(DatabaseClient database) {
		this.database = database;
	}

	Mono<Beneficiary> insert(Beneficiary beneficiary) {
		GenericExecuteSpec insert = database.sql("""
				insert into app.beneficiary (tenant_id, id, national_id, full_name, phone, email, created_at, address,
				                             category, contact_channel, consent_given, consent_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""")
			.bind(0, beneficiary.tenantId().value())
			.bind(1, beneficiary.id().value())
			.bind(2, beneficiary.nationalId())
			.bind(3, beneficiary.fullName())
			.bind(6, beneficiary.createdAt())
			.bind(10, beneficiary.consentGiven());
		insert = contact(insert, 4, beneficiary.phone(), beneficiary.email());
		insert = insert.bind(7, Parameter.fromOrEmpty(beneficiary.address(), String.class));
		insert = insert.bind(8, Parameter.fromOrEmpty(beneficiary.category(), String.class));
		insert = insert.bind(9, Parameter.fromOrEmpty(beneficiary.contactChannel(), String.class));
		insert = insert.bind(11, Parameter.fromOrEmpty(beneficiary.consentAt(), Instant.class));
		return insert.then().thenReturn(beneficiary);
	}

	Mono<Beneficiary> findById(BeneficiaryId id) {
		return database.sql(COLUMNS + "where id = $1").bind(0, id.value()).map(Beneficiaries::row).one();
	}

	Flux<Beneficiary> findAll() {
		return database.sql(COLUMNS + "order by created_at, id").map(Beneficiaries::row).all();
	}

	/**
	 * Others of this association sharing a phone number or e-mail address: likely the
	 * same person.
	 */
	Flux<BeneficiaryId> sharingContact(BeneficiaryId self, @Nullable String phone, @Nullable String email) {
		if (phone == null && email == null) {
			return Flux.empty();
		}
		GenericExecuteSpec query = database.sql("""
				select id from app.beneficiary
				where id <> $1 and (phone = $2 or lower(email) = lower($3)) order by created_at limit 10""")
			.bind(0, self.value());
		return contact(query, 1, phone, email).map(row -> new BeneficiaryId(row.get("id", UUID.class))).all();
	}

	/**
	 * @return rows changed: 0 when the id is unknown to this tenant
	 */
	Mono<Long> updateContact(BeneficiaryId id, @Nullable String phone, @Nullable String email) {
		GenericExecuteSpec update = database.sql("update app.beneficiary set phone = $1, email = $2 where id = $3")
			.bind(2, id.value());
		return contact(update, 0, phone, email).fetch().rowsUpdated();
	}

	/**
	 * @return rows removed: 0 when the id is unknown to this tenant
	 */
	Mono<Long> delete(BeneficiaryId id) {
		return database.sql("delete from app.beneficiary where id = $1").bind(0, id.value()).fetch().rowsUpdated();
	}

	private static GenericExecuteSpec contact(GenericExecuteSpec spec, int first, @Nullable String phone,
			@Nullable String email) {
		return spec.bind(first, Parameter.fromOrEmpty(phone, String.class))
			.bind(first + 1, Parameter.fromOrEmpty(email, String.class));
	}

	private static Beneficiary row(Readable row) {
		return new Beneficiary(new BeneficiaryId(row.get("id", UUID.class)),
				new TenantId(row.get("tenant_id", UUID.class)), row.get("national_id", String.class),
				row.get("full_name", String.class), row.get("phone", String.class), row.get("email", String.class),
				row.get("address", String.class), row.get("category", String.class),
				row.get("contact_channel", String.class), Boolean.TRUE.equals(row.get("consent_given", Boolean.class)),
				row.get("consent_at", Instant.class), row.get("created_at", Instant.class));
	}

}

package sa.rawabit.platform.tenancy;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.tenancy.TenantStatus;

/**
 * Looks associations up in the control plane's registry. The registry is not
 * tenant-owned, so it is read in a system scope; public pages resolve their slug here,
 * authentication its tenant id.
 */
@Service
public class TenantDirectory {

	private static final String COLUMNS = "select id, slug, name_ar, name_en, region, status from control.tenant ";

	private final Transactions transactions;

	private final DatabaseClient database;

	TenantDirectory(Transactions transactions, DatabaseClient database) {
		this.transactions = transactions;
		this.database = database;
	}

	public Mono<Tenant> findBySlug(String slug) {
		return transactions.asSystem("tenant-directory",
				database.sql(COLUMNS + "where slug = $1").bind(0, slug).map(TenantDirectory::tenant).one());
	}

	public Mono<Tenant> findById(TenantId id) {
		return transactions.asSystem("tenant-directory",
				database.sql(COLUMNS + "where id = $1").bind(0, id.value()).map(TenantDirectory::tenant).one());
	}

	private static Tenant tenant(Readable row) {
		return new Tenant(new TenantId(row.get("id", java.util.UUID.class)), row.get("slug", String.class),
				row.get("name_ar", String.class), row.get("name_en", String.class), row.get("region", String.class),
				TenantStatus.of(row.get("status", String.class)));
	}

}

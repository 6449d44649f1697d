package sa.rawabit.foundation.database;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Marks, in the Reactor Context, why a pipeline may borrow a connection: for one tenant
 * (then {@code app.tenant_id} is set first in its transaction) or for a named system
 * purpose that reads no tenant rows (health checks, the tenant registry). A borrow with
 * neither fails loudly.
 */
public sealed interface DatabaseScope {

	String KEY = "rawabit.db.scope";

	record Tenant(sa.rawabit.foundation.tenancy.TenantId tenant) implements DatabaseScope {
	}

	record System(String purpose) implements DatabaseScope {
	}

	static Context of(DatabaseScope scope) {
		return Context.of(KEY, scope);
	}

	static boolean isDeclared(ContextView context) {
		return context.hasKey(KEY);
	}

}

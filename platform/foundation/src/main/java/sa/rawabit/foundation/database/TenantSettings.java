package sa.rawabit.foundation.database;

import sa.rawabit.foundation.tenancy.TenantId;

/**
 * What a tenant's transaction sets before its first statement, in one statement: the
 * tenant row-level security reads, and generic plans for the transaction's prepared
 * statements. Under RLS the tenant is never known when a statement is planned (the
 * policies read it in an init plan, V186), so a custom plan can only use the other
 * arguments; yet PostgreSQL's cost comparison kept re-planning some dashboard statements
 * at every execution (a role array made the generic plan look dearer): 40 µs of planning
 * on a 60 µs statement, an RLS tax of 1.5× end to end. Generic plans are planned once per
 * connection and statement.
 */
public final class TenantSettings {

	/** The tenant bound as {@code $1}. */
	public static final String BOUND = "select set_config('app.tenant_id', $1, true), "
			+ "set_config('plan_cache_mode', 'force_generic_plan', true)";

	private TenantSettings() {
	}

	/**
	 * The tenant written into the text, for a simple query beside {@code BEGIN}; a
	 * {@link TenantId} is a UUID, so this cannot inject anything.
	 */
	public static String written(TenantId tenant) {
		return BOUND.replace("$1", "'" + tenant.value() + "'");
	}

	/**
	 * {@code begin} (a {@code BEGIN …} statement) and the tenant's settings as one simple
	 * query on {@code connection}: the opening of every tenant transaction the platform
	 * opens itself ({@link ScopedConnection}, {@link Transactions#writeAtOnce}).
	 */
	static io.r2dbc.spi.Batch opening(io.r2dbc.spi.Connection connection, String begin, TenantId tenant) {
		return connection.createBatch().add(begin).add(written(tenant));
	}

}

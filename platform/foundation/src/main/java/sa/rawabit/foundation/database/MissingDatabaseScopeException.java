package sa.rawabit.foundation.database;

/**
 * A connection was requested outside {@link Transactions}: without this check a query
 * would run with no tenant set and row-level security would quietly return nothing.
 */
public final class MissingDatabaseScopeException extends IllegalStateException {

	MissingDatabaseScopeException() {
		super("Database access outside a tenant or system scope: wrap it in Transactions.inTenant(..) or "
				+ "Transactions.asSystem(..)");
	}

}

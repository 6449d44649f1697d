package sa.rawabit.foundation.database;

import java.util.List;

/**
 * The cluster roles Rawabit expects. Names are part of the schema contract: migrations
 * grant to them. None is a superuser or may bypass row-level security; only the owner
 * owns anything.
 */
public final class DatabaseRoles {

	public static final String OWNER = "rawabit_owner";

	public static final String PLATFORM = "rawabit_platform";

	public static final String TENANT_ADMIN = "rawabit_admin";

	public static final String OVERSIGHT = "oversight_reader";

	/**
	 * The platform's background work across associations (deadline sweeper, notification
	 * fan-out). It may read and write only the tables whose migrations give it a policy
	 * of its own; it serves no user.
	 */
	public static final String WORKER = "rawabit_worker";

	/**
	 * Never logs in: it only owns the oversight schema's SECURITY DEFINER functions,
	 * which read across associations through its own select-only policies and return
	 * aggregates. The owner may SET ROLE to it (to hand it those functions) but does not
	 * inherit its policies. Not in {@link #ALL}: no password.
	 */
	public static final String AGGREGATOR = "oversight_aggregator";

	public static final List<String> ALL = List.of(OWNER, PLATFORM, TENANT_ADMIN, OVERSIGHT, WORKER);

	private DatabaseRoles() {
	}

}

package sa.rawabit.foundation.tenancy;

/**
 * Tenant-scoped work was started without a tenant in the Reactor Context: a programming
 * error.
 */
public final class MissingTenantException extends IllegalStateException {

	public MissingTenantException() {
		super("No tenant in the Reactor Context: tenant-scoped work must run inside an authenticated tenant scope");
	}

}

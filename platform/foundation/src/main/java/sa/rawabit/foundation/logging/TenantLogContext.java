package sa.rawabit.foundation.logging;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Mirrors the tenant of the Reactor Context into the MDC as {@code tenant_id}, so each structured log
 * line says which association it concerns. With {@code spring.reactor.context-propagation=limited} (the
 * default) the MDC is filled inside {@code handle()} and {@code tap()} only: write tenant log lines there.
 */
@AutoConfiguration
public class TenantLogContext {

	public static final String MDC_KEY = "tenant_id";

	static {
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(TenantContext.KEY, TenantLogContext::current,
					tenant -> MDC.put(MDC_KEY, tenant.toString()), () -> MDC.remove(MDC_KEY));
	}

	private static TenantId current() {
		String value = MDC.get(MDC_KEY);
		return value == null ? null : TenantId.of(value);
	}
}

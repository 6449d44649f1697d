package sa.rawabit.foundation.tenancy;

import java.util.Optional;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The tenant travels in the Reactor {@link Context}, never in a thread local or a request
 * header: authentication puts it there from the token, and everything downstream reads it
 * from here.
 */
public final class TenantContext {

	/** Also the key the logging bridge mirrors into the MDC as {@code tenant_id}. */
	public static final String KEY = "rawabit.tenant";

	private TenantContext() {
	}

	public static Context of(TenantId tenant) {
		return Context.of(KEY, tenant);
	}

	public static Optional<TenantId> current(ContextView context) {
		return context.getOrEmpty(KEY);
	}

	/**
	 * The tenant of the current subscriber, or a {@link MissingTenantException} — never a
	 * silent default.
	 */
	public static Mono<TenantId> require() {
		return Mono.deferContextual(
				context -> current(context).map(Mono::just).orElseGet(() -> Mono.error(new MissingTenantException())));
	}

}

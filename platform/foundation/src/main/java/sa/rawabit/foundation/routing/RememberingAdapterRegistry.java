package sa.rawabit.foundation.routing;

import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ReactiveTypeDescriptor;

/**
 * WebFlux's adapter registry, remembering its answer for each type. Spring asks it about
 * every controller parameter's and result's type on every request (its argument resolvers
 * are looked up afresh per request: a staff member's parameter alone is tested by some
 * twenty of them), and each question walked every registered adapter twice, testing
 * {@code isAssignableFrom}: 1.1 % of the loops' CPU per intake. The answer for a type
 * only changes when an adapter is registered, which forgets them all.
 */
final class RememberingAdapterRegistry extends ReactiveAdapterRegistry {

	/** The bean Spring's WebFlux configuration declares its registry as. */
	static final String WEBFLUX_BEAN = "webFluxAdapterRegistry";

	private volatile ClassValue<Optional<ReactiveAdapter>> known = known();

	@Override
	public void registerReactiveType(ReactiveTypeDescriptor descriptor, Function<Object, Publisher<?>> toAdapter,
			Function<Publisher<?>, Object> fromAdapter) {
		super.registerReactiveType(descriptor, toAdapter, fromAdapter);
		known = known();
	}

	@Override
	public void registerReactiveTypeOverride(ReactiveTypeDescriptor descriptor,
			Function<Object, Publisher<?>> toAdapter, Function<Publisher<?>, Object> fromAdapter) {
		super.registerReactiveTypeOverride(descriptor, toAdapter, fromAdapter);
		known = known();
	}

	/** As Spring's: the source's class when there is a source, else the type given. */
	@Override
	public @Nullable ReactiveAdapter getAdapter(@Nullable Class<?> reactiveType, @Nullable Object source) {
		Object present = source instanceof Optional<?> optional ? optional.orElse(null) : source;
		Class<?> type = present != null ? present.getClass() : reactiveType;
		return type == null ? null : known.get(type).orElse(null);
	}

	private ClassValue<Optional<ReactiveAdapter>> known() {
		return new ClassValue<>() {

			@Override
			protected Optional<ReactiveAdapter> computeValue(Class<?> type) {
				return Optional.ofNullable(RememberingAdapterRegistry.super.getAdapter(type, null));
			}

		};
	}

	/** Puts this registry in place of the one WebFlux's configuration declared. */
	static final class InPlace implements BeanPostProcessor {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			return WEBFLUX_BEAN.equals(beanName) && bean.getClass() == ReactiveAdapterRegistry.class
					? new RememberingAdapterRegistry() : bean;
		}

	}

}

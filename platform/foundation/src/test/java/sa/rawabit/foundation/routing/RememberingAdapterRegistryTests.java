package sa.rawabit.foundation.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ReactiveTypeDescriptor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RememberingAdapterRegistryTests {

	private final ReactiveAdapterRegistry spring = new ReactiveAdapterRegistry();

	private final RememberingAdapterRegistry remembering = new RememberingAdapterRegistry();

	@Test
	void getAdapterWhenAskedTwiceThenAnswersAsSpringsEachTime() {
		for (int time = 0; time < 2; time++) {
			for (Class<?> type : List.of(Mono.class, Flux.class, CompletableFuture.class, String.class, Map.class,
					Optional.class, Staff.class)) {
				assertThat(described(remembering.getAdapter(type))).as(type.getName())
					.isEqualTo(described(spring.getAdapter(type)));
			}
		}
		assertThat(remembering.getAdapter(Staff.class)).as("not reactive").isNull();
		assertThat(remembering.getAdapter(Mono.class)).isNotNull();
	}

	@Test
	void getAdapterWhenGivenASourceThenItsClassDecidesAsInSprings() {
		for (Object source : List.of(Mono.just(1), Flux.just(1), CompletableFuture.completedFuture(1),
				Optional.of(Mono.empty()), Optional.empty(), "text")) {
			assertThat(described(remembering.getAdapter(Object.class, source))).as("%s", source)
				.isEqualTo(described(spring.getAdapter(Object.class, source)));
		}
		assertThat(remembering.getAdapter(null)).isNull();
	}

	@Test
	void registerReactiveTypeWhenATypeWasAskedAboutThenTheNewAnswerCounts() {
		assertThat(remembering.getAdapter(Staff.class)).isNull();

		remembering.registerReactiveType(ReactiveTypeDescriptor.singleOptionalValue(Staff.class, () -> null),
				source -> Mono.empty(), publisher -> new Staff());

		assertThat(remembering.getAdapter(Staff.class)).isNotNull()
			.extracting(ReactiveAdapter::getReactiveType)
			.isEqualTo(Staff.class);
	}

	@Test
	void inPlaceWhenWebFluxsRegistryThenReplacedAndOtherBeansLeft() {
		RememberingAdapterRegistry.InPlace inPlace = new RememberingAdapterRegistry.InPlace();

		assertThat(inPlace.postProcessBeforeInitialization(new ReactiveAdapterRegistry(),
				RememberingAdapterRegistry.WEBFLUX_BEAN))
			.isInstanceOf(RememberingAdapterRegistry.class);
		ReactiveAdapterRegistry another = new ReactiveAdapterRegistry();
		assertThat(inPlace.postProcessBeforeInitialization(another, "someOtherRegistry")).isSameAs(another);
	}

	private static Optional<Class<?>> described(ReactiveAdapter adapter) {
		return Optional.ofNullable(adapter).map(ReactiveAdapter::getReactiveType);
	}

	/** A staff member's type, as a controller parameter: not reactive. */
	static final class Staff {

	}

}

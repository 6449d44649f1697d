package sa.rawabit.platform.dashboard;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Sections computed once per key and served to every caller with that key while fresh:
 * callers that arrive while the computation runs wait for the same result instead of
 * starting their own. Keys carry the event version, so a change makes a new key at once;
 * {@code fresh} bounds the rest. Failures are not kept. Keys of old versions are dropped
 * by a sweep at most once per {@code fresh}.
 */
final class SectionCache<K, V> {

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final Duration fresh;

	private volatile long nextSweep;

	SectionCache(Duration fresh) {
		this.fresh = fresh;
	}

	Mono<V> get(K key, Supplier<Mono<V>> compute) {
		long now = System.nanoTime();
		sweep(now);
		return entries.compute(key,
				(k, found) -> found != null && found.freshAt(now) ? found
						: new Entry<>(compute.get().cache(value -> fresh, error -> Duration.ZERO, () -> Duration.ZERO),
								null, now + fresh.toNanos()))
			.value();
	}

	/** What {@link #put} kept for {@code key}, while fresh. */
	Optional<V> peek(K key) {
		long now = System.nanoTime();
		sweep(now);
		Entry<V> found = entries.get(key);
		return found == null || !found.freshAt(now) ? Optional.empty() : Optional.ofNullable(found.done());
	}

	/**
	 * Keeps a value made elsewhere (when the computation cannot be shared as a
	 * {@link Mono}).
	 */
	void put(K key, V value) {
		entries.put(key, new Entry<>(Mono.just(value), value, System.nanoTime() + fresh.toNanos()));
	}

	int size() {
		return entries.size();
	}

	private void sweep(long now) {
		if (now - nextSweep >= 0) {
			nextSweep = now + fresh.toNanos();
			entries.values().removeIf(entry -> !entry.freshAt(now));
		}
	}

	private record Entry<V>(Mono<V> value, @Nullable V done, long until) {

		boolean freshAt(long now) {
			return until - now > 0;
		}
	}

}

package sa.rawabit.platform.policy;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.policy.PolicyVersionId;

/**
 * Acknowledgements this replica has already read. An acknowledgement of a version, once
 * given, is never withdrawn, so every later case action of that person under that version
 * can skip the lookup - one transaction less on every intake. Only given ones are kept: a
 * missing one is read again each time, since the person may acknowledge on another
 * replica at any moment. Bounded, least recently used first out; an idle entry leaves
 * after a day.
 */
final class GivenAcknowledgements {

	private final Cache<Key, Acknowledgement> given = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofDays(1))
		.build();

	/**
	 * The cached acknowledgement of {@code subject}, or {@code lookup}'s, kept when
	 * found.
	 */
	Mono<Acknowledgement> find(PolicyVersionId version, String subject, Mono<Acknowledgement> lookup) {
		Key key = new Key(version, subject);
		Acknowledgement known = given.getIfPresent(key);
		return known != null ? Mono.just(known) : lookup.doOnNext(found -> given.put(key, found));
	}

	private record Key(PolicyVersionId version, String subject) {
	}

}

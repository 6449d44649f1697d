package sa.rawabit.foundation.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A bearer token that verified once is not verified again while it is valid: a dashboard
 * or an API client sends the same token on every call for minutes, and checking its
 * signature and parsing its claims each time was a tenth of the replica's request work in
 * the dashboard benchmark's profile. Only tokens the delegate accepted are kept, keyed by
 * their exact text (so signature, issuer and audience are the same ones checked), and a
 * kept token is refused again from the moment it expires. Revocation does not depend on
 * this: removed staff are refused after the token is decoded
 * ({@code TenantScopeWebFilter}).
 */
public final class RememberedJwtDecoder implements ReactiveJwtDecoder {

	/** Tokens remembered at most: about one per active API client or open dashboard. */
	public static final int CAPACITY = 4096;

	private final ReactiveJwtDecoder delegate;

	private final int capacity;

	private final Clock clock;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	public RememberedJwtDecoder(ReactiveJwtDecoder delegate, int capacity, Clock clock) {
		this.delegate = delegate;
		this.capacity = capacity;
		this.clock = clock;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = verified.get(token);
		if (known != null) {
			if (valid(known, clock.instant())) {
				return Mono.just(known);
			}
			verified.remove(token, known);
		}
		return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
	}

	private void remember(String token, Jwt jwt) {
		if (jwt.getExpiresAt() == null) {
			return; // never kept: it would be valid for ever
		}
		if (verified.size() >= capacity) {
			makeRoom(clock.instant());
		}
		verified.put(token, jwt);
	}

	/**
	 * Drops expired tokens; when every one is still valid, an arbitrary tenth (a cache,
	 * not a register).
	 */
	private void makeRoom(Instant now) {
		verified.values().removeIf(jwt -> !valid(jwt, now));
		Iterator<String> tokens = verified.keySet().iterator();
		for (int dropped = 0; verified.size() >= capacity && tokens.hasNext()
				&& dropped < capacity / 10 + 1; dropped++) {
			tokens.next();
			tokens.remove();
		}
	}

	private static boolean valid(Jwt jwt, Instant now) {
		Instant expires = jwt.getExpiresAt();
		Instant notBefore = jwt.getNotBefore();
		return expires != null && now.isBefore(expires) && (notBefore == null || !now.isBefore(notBefore));
	}

	int size() {
		return verified.size();
	}

}

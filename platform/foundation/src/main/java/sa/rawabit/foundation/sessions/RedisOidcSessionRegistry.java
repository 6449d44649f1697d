package sa.rawabit.foundation.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which page sessions belong to which Keycloak session, in Redis, so a back-channel
 * logout that lands on any replica finds sessions signed in on every replica. Keys:
 * {@code rawabit:oidc:sid:<keycloak sid>} (a set of page-session ids) and
 * {@code rawabit:oidc:session:<page-session id>} (its Keycloak sid and subject), both
 * expiring with the page session's absolute lifetime.
 */
public final class RedisOidcSessionRegistry implements ReactiveOidcSessionRegistry {

	private static final String BY_SID = "rawabit:oidc:sid:";

	private static final String BY_SESSION = "rawabit:oidc:session:";

	private final ReactiveStringRedisTemplate redis;

	private final Duration lifetime;

	public RedisOidcSessionRegistry(ReactiveStringRedisTemplate redis, Duration lifetime) {
		this.redis = redis;
		this.lifetime = lifetime;
	}

	@Override
	public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
		String sid = info.getPrincipal().getIdToken().getClaimAsString("sid");
		if (sid == null) {
			return Mono.empty();
		}
		String subject = info.getPrincipal().getSubject();
		return redis.opsForValue()
			.set(BY_SESSION + info.getSessionId(), sid + ' ' + subject, lifetime)
			.then(redis.opsForSet().add(BY_SID + sid, info.getSessionId()))
			.then(redis.expire(BY_SID + sid, lifetime))
			.then();
	}

	@Override
	public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
		return redis.opsForValue().getAndDelete(BY_SESSION + clientSessionId).flatMap(value -> {
			String[] parts = value.split(" ", 2);
			return redis.opsForSet()
				.remove(BY_SID + parts[0], clientSessionId)
				.thenReturn(new OidcSessionInformation(clientSessionId, Map.of(), user(parts[0], parts[1])));
		});
	}

	@Override
	public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
		String sid = token.getSessionId();
		if (sid == null) {
			return Flux.empty();
		}
		return redis.opsForSet()
			.members(BY_SID + sid)
			.concatMap(session -> redis.delete(BY_SESSION + session)
				.thenReturn(new OidcSessionInformation(session, Map.of(), user(sid, token.getSubject()))))
			.concatWith(redis.delete(BY_SID + sid).then(Mono.empty()));
	}

	/** Only what logout needs of the person: the Keycloak session and subject. */
	private static OidcUser user(String sid, String subject) {
		Instant now = Instant.now();
		return new DefaultOidcUser(java.util.Set.of(),
				OidcIdToken.withTokenValue("registry")
					.subject(subject)
					.claim("sid", sid)
					.issuedAt(now)
					.expiresAt(now.plusSeconds(1))
					.build());
	}

}

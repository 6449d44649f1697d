package sa.rawabit.foundation.sessions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * Ends the page sessions of a Keycloak session that Keycloak says has ended (a validated
 * back-channel logout token): removes them from the session store itself, which every
 * replica shares when Redis is configured. The next request of that browser is anonymous
 * and signs in again.
 */
public final class EndSessionsLogoutHandler implements ServerLogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(EndSessionsLogoutHandler.class);

	private final ReactiveOidcSessionRegistry registry;

	private final WebSessionStore sessions;

	public EndSessionsLogoutHandler(ReactiveOidcSessionRegistry registry, WebSessionStore sessions) {
		this.registry = registry;
		this.sessions = sessions;
	}

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
			return Mono.empty();
		}
		return registry.removeSessionInformation(token)
			.concatMap(info -> sessions.removeSession(info.getSessionId()).thenReturn(info))
			.count()
			.doOnNext(ended -> log.info("Back-channel logout of Keycloak session {} ended {} page sessions",
					token.getSessionId(), ended))
			.then();
	}

}

package sa.rawabit.foundation.security;

import java.util.Map;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The pages' OpenID Connect client of either plane, built from the issuer without
 * fetching Keycloak's discovery document, so the application starts (and its probes
 * answer) while Keycloak is still starting. Each plane signs in with its own confidential
 * client; everything else about the registration is shared.
 */
public final class PageClients {

	private PageClients() {
	}

	public static ReactiveClientRegistrationRepository keycloak(SecurityProperties security, String clientId,
			String clientSecret) {
		String oidc = security.issuer() + "/protocol/openid-connect";
		return new InMemoryReactiveClientRegistrationRepository(ClientRegistration.withRegistrationId("keycloak")
			.clientId(clientId)
			.clientSecret(clientSecret)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email", "organization")
			.issuerUri(security.issuer())
			.authorizationUri(oidc + "/auth")
			.tokenUri(oidc + "/token")
			.jwkSetUri(oidc + "/certs")
			.userInfoUri(oidc + "/userinfo")
			.userNameAttributeName("preferred_username")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
			.clientName("Keycloak")
			.build());
	}

}

package sa.rawabit.foundation.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Runs right after token authentication: picks the one association this request acts for
 * from the token's organization claim (a member of several names it in the
 * {@value #SELECTION_HEADER} header, which is honoured only if the token lists it),
 * admits it through the {@link TenantGate}, narrows the roles to that association's
 * {@link KnownRoles known ones}, and puts the tenant into the Reactor Context. A page
 * session runs it as a filter; an API call's bearer token is scoped by
 * {@link BearerAuthentication}, which calls {@link #scope} itself.
 */
public final class TenantScopeWebFilter implements WebFilter {

	public static final String SELECTION_HEADER = "Rawabit-Organization";

	static final ProblemType SELECTION_REQUIRED = new ProblemType("organization-selection-required",
			HttpStatus.BAD_REQUEST, "Choose which of your associations this request is for",
			"اختر الجمعية التي يخصها هذا الطلب");

	static final ProblemType NOT_A_MEMBER = new ProblemType("organization-not-member", HttpStatus.FORBIDDEN,
			"You are not a member of the association you selected", "لست عضواً في الجمعية التي اخترتها");

	private static final Set<String> REALM_ROLES = Set.of(StaffMember.OVERSIGHT_VIEWER, StaffMember.PLATFORM_OPERATOR);

	public static final ProblemType SESSION_EXPIRED = new ProblemType("session-expired", HttpStatus.UNAUTHORIZED,
			"Your session has reached its lifetime: sign in again", "انتهت مدة جلستك: سجّل الدخول من جديد");

	private static final Logger log = LoggerFactory.getLogger(TenantScopeWebFilter.class);

	/**
	 * Unknown groups already logged: once each, and no more than this many, whatever
	 * tokens arrive.
	 */
	private static final int REPORTED_AT_MOST = 1000;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	private final TenantGate gate;

	private final MemberRevocations revocations;

	private final Duration sessionLifetime;

	private final KnownRoles known;

	private final WhileSuspended whileSuspended;

	public TenantScopeWebFilter(TenantGate gate, MemberRevocations revocations, Duration sessionLifetime,
			KnownRoles known, WhileSuspended whileSuspended) {
		this.gate = gate;
		this.revocations = revocations;
		this.sessionLifetime = sessionLifetime;
		this.known = known;
		this.whileSuspended = whileSuspended;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(authentication -> claims(authentication) != null)
			.flatMap(authentication -> scope(authentication, exchange.getRequest()))
			.map(staff -> chain.filter(exchange).contextWrite(context(staff)))
			.defaultIfEmpty(Mono.defer(() -> chain.filter(exchange)))
			.flatMap(next -> next);
	}

	/**
	 * Claims of a bearer token, or of the ID token (and user info) behind a page session.
	 */
	private static @Nullable Map<String, Object> claims(Authentication authentication) {
		return switch (authentication) {
			case JwtAuthenticationToken jwt -> jwt.getToken().getClaims();
			case OAuth2AuthenticationToken login when login.getPrincipal() instanceof OidcUser user -> user.getClaims();
			default -> null;
		};
	}

	/**
	 * When the credential was issued and when it stops counting: a bearer token's own
	 * times; a page session's sign-in (its ID token) and that plus the sessions' absolute
	 * lifetime, however active the session is.
	 */
	private Credential credential(Authentication authentication) {
		return switch (authentication) {
			case JwtAuthenticationToken jwt -> new Credential(orNow(jwt.getToken().getIssuedAt()),
					jwt.getToken().getExpiresAt() == null ? Instant.MAX : jwt.getToken().getExpiresAt());
			case OAuth2AuthenticationToken login when login.getPrincipal() instanceof OidcUser user -> {
				Instant signedIn = orNow(user.getIdToken().getIssuedAt());
				yield new Credential(signedIn, signedIn.plus(sessionLifetime));
			}
			default -> new Credential(Instant.now(), Instant.MAX);
		};
	}

	private static Instant orNow(@Nullable Instant instant) {
		return instant == null ? Instant.now() : instant;
	}

	Mono<StaffAuthentication> scope(Authentication authentication, ServerHttpRequest request) {
		String selection = request.getHeaders().getFirst(SELECTION_HEADER);
		Map<String, Object> token = claims(authentication);
		Credential credential = credential(authentication);
		if (authentication instanceof OAuth2AuthenticationToken && !Instant.now().isBefore(credential.endsAt())) {
			return Mono.error(
					new ProblemException(SESSION_EXPIRED, SESSION_EXPIRED.titleEn(), SESSION_EXPIRED.titleAr(), null));
		}
		Set<String> roles = new LinkedHashSet<>(TokenClaims.realmRoles(token));
		roles.retainAll(REALM_ROLES);
		String subject = TokenClaims.subject(token);
		String username = TokenClaims.username(token);
		Set<String> organizations = TokenClaims.organizations(token);
		if (organizations.isEmpty()) {
			return Mono.just(new StaffAuthentication(authentication,
					new StaffMember(subject, username, null, null, roles, TokenClaims.name(token)), credential));
		}
		String slug;
		try {
			slug = select(organizations, selection);
		}
		catch (ProblemException problem) {
			return Mono.error(problem);
		}
		// The token's groups in this association, read once: what a suspended association
		// may still do depends on them, and so do the roles granted.
		Set<String> groups = TokenClaims.rolesIn(token, slug);
		return gate.admit(slug, whileSuspended.admits(request, groups))
			.doOnNext(tenant -> roles.addAll(knownRolesIn(groups, slug, tenant)))
			.flatMap(tenant -> revocations.admit(tenant, subject, credential.issuedAt())
				.thenReturn(new StaffAuthentication(authentication,
						new StaffMember(subject, username, tenant, slug, roles, TokenClaims.name(token)), credential)));
	}

	/**
	 * The token's {@code groups} in this association that name a role it knows; any other
	 * group grants nothing.
	 */
	private Set<String> knownRolesIn(Set<String> groups, String slug, TenantId tenant) {
		Set<String> roles = new LinkedHashSet<>(groups);
		roles.removeIf(role -> {
			if (known.isKnown(tenant, role)) {
				return false;
			}
			if (log.isDebugEnabled() && reported.size() < REPORTED_AT_MOST && reported.add(slug + "/" + role)) {
				log.debug("Group /{}/{} names no role of the association; it grants nothing", slug, role);
			}
			return true;
		});
		return roles;
	}

	private static String select(Set<String> organizations, @Nullable String selection) {
		if (selection != null && !selection.isBlank()) {
			if (!organizations.contains(selection)) {
				throw new ProblemException(NOT_A_MEMBER, NOT_A_MEMBER.titleEn(), NOT_A_MEMBER.titleAr(),
						SELECTION_HEADER);
			}
			return selection;
		}
		if (organizations.size() > 1) {
			throw new ProblemException(SELECTION_REQUIRED,
					"Send the " + SELECTION_HEADER + " header with one of: " + String.join(", ", organizations),
					SELECTION_REQUIRED.titleAr(), SELECTION_HEADER);
		}
		return organizations.iterator().next();
	}

	static Context context(StaffAuthentication staff) {
		Context context = ReactiveSecurityContextHolder.withAuthentication(staff);
		StaffMember member = staff.getPrincipal();
		return member.tenant() == null ? context : context.putAll(TenantContext.of(member.tenant()).readOnly());
	}

}

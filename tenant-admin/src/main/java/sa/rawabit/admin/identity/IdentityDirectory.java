package sa.rawabit.admin.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/**
 * Associations and their staff in Keycloak. Every operation is idempotent where Keycloak
 * allows, so a retried or compensated onboarding converges instead of piling up half-made
 * organizations.
 */
@Service
public class IdentityDirectory {

	static final ProblemType EXISTS = new ProblemType("identity-exists", HttpStatus.CONFLICT,
			"Keycloak already has an organization with this alias or name",
			"يوجد في نظام الهوية جهة بهذا المعرّف أو الاسم");

	static final ProblemType INVITATION_UNSENT = new ProblemType("invitation-unsent", HttpStatus.BAD_GATEWAY,
			"An account with this e-mail exists but has not verified it, and the identity service could not send it"
					+ " an invitation",
			"يوجد حساب بهذا البريد لم يتحقق منه صاحبه، ولم يتمكن نظام الهوية من إرسال دعوة إليه");

	static final String SLUG_ATTRIBUTE = "slug";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeycloakAdmin keycloak;

	IdentityDirectory(KeycloakAdmin keycloak) {
		this.keycloak = keycloak;
	}

	/**
	 * The organization (alias = slug) and the group tree {@code /<slug>/<role>} of one
	 * association. An existing organization or group of that name is refused (409), never
	 * adopted or removed; a failure half-way removes what this call created.
	 */
	public Mono<Void> createAssociation(String slug, String nameEn, String nameAr) {
		Map<String, Object> organization = Map.of("name", nameEn, "alias", slug, "enabled", true, "description", nameAr,
				"attributes", Map.of(SLUG_ATTRIBUTE, List.of(slug)), "domains",
				List.of(Map.of("name", slug + ".example.org", "verified", false)));
		return keycloak.create("/organizations", organization)
			.onErrorMap(KeycloakAdmin::isConflict,
					conflict -> new ProblemException(EXISTS, EXISTS.titleEn(), EXISTS.titleAr(), "slug"))
			.flatMap(created -> keycloak.create("/groups", Map.of("name", slug))
				.flatMap(group -> Flux.fromIterable(StaffRoles.ALL)
					.concatMap(role -> keycloak.create("/groups/{id}/children", Map.of("name", role), group))
					.then())
				.onErrorResume(failure -> deleteAssociation(slug).onErrorResume(ignored -> Mono.empty())
					.then(Mono.error(failure))));
	}

	/**
	 * Makes sure {@code /<slug>/<role>} exists for each role, creating the missing ones;
	 * existing groups are kept (publishing the same roles twice, or a retry, converges).
	 * Answers the roles it created.
	 */
	public Mono<Set<String>> ensureRoleGroups(String slug, Set<String> roles) {
		return groupId(slug).switchIfEmpty(Mono.error(() -> ProblemException.notFound("association group")))
			.flatMap(group -> roleGroups(slug).flatMap(existing -> Flux.fromIterable(roles)
				.filter(role -> !existing.containsKey(role))
				.concatMap(role -> keycloak.create("/groups/{id}/children", Map.of("name", role), group)
					.onErrorResume(KeycloakAdmin::isConflict, raced -> Mono.just(role))
					.thenReturn(role))
				.collect(LinkedHashSet<String>::new, Set::add)))
			.map(Set::copyOf);
	}

	/**
	 * Usernames of the staff who hold {@code role} in this association (none when the
	 * group is absent).
	 */
	public Flux<String> holders(String slug, String role) {
		return keycloak.get("/group-by-path/{slug}/{role}", slug, role)
			.flatMapMany(group -> keycloak.list("/groups/{id}/members?max=1000&briefRepresentation=true",
					String.valueOf(group.get("id"))))
			.map(user -> String.valueOf(user.get("username")));
	}

	/**
	 * Removes the organization and the group tree; accounts stay (a person may serve
	 * elsewhere).
	 */
	public Mono<Void> deleteAssociation(String slug) {
		return organizationId(slug).flatMap(id -> keycloak.delete("/organizations/{id}", id))
			.then(groupId(slug).flatMap(id -> keycloak.delete("/groups/{id}", id)));
	}

	/**
	 * Finds the person's account by e-mail or creates it, then sets their roles here. A
	 * created account, or an existing one whose e-mail Keycloak has verified, is made a
	 * member at once. An existing account whose e-mail is not verified proves nothing
	 * (anyone could have typed the address): it is not attached; Keycloak sends the
	 * address the organization's invitation, and the account becomes a member only when
	 * the owner of the mailbox accepts it. Its roles are set now and count from then on:
	 * the association of a sign-in is its organization membership, never its groups.
	 */
	public Mono<StaffAccount> addStaff(String slug, Person person, Set<String> roles) {
		return organizationId(slug).switchIfEmpty(Mono.error(() -> ProblemException.notFound("association")))
			.flatMap(org -> findUser(person.email())
				.flatMap(existing -> existing.verified()
						? attach(org, existing.id())
							.thenReturn(StaffAccount.member(existing.id(), person.email(), person.email(), roles))
						: invite(org, existing.id()).thenReturn(new StaffAccount(existing.id(), person.email(),
								person.email(), roles, false, null, true)))
				.switchIfEmpty(Mono.defer(() -> createUser(person, roles)
					.flatMap(created -> attach(org, created.userId()).thenReturn(created)))))
			.flatMap(account -> setRoles(slug, account.userId(), roles).thenReturn(account));
	}

	private Mono<Void> attach(String org, String userId) {
		return keycloak.create("/organizations/{id}/members", "\"" + userId + "\"", org)
			.onErrorResume(KeycloakAdmin::isConflict, already -> Mono.just(userId))
			.then();
	}

	/**
	 * Keycloak's organization invitation; a second invitation while one is pending, or to
	 * a member, is a conflict and changes nothing. Keycloak cannot send one without the
	 * realm's SMTP server (it answers 500): that is a 502 naming the address, not ours.
	 */
	private Mono<Void> invite(String org, String userId) {
		return keycloak.submit("/organizations/{id}/members/invite-existing-user", Map.of("id", userId), org)
			.onErrorResume(KeycloakAdmin::isConflict, already -> Mono.empty())
			.onErrorMap(WebClientResponseException.class, unsent -> new ProblemException(INVITATION_UNSENT,
					INVITATION_UNSENT.titleEn(), INVITATION_UNSENT.titleAr(), "email"));
	}

	/** Makes the account's roles in this association exactly {@code roles}. */
	public Mono<Set<String>> setRoles(String slug, String userId, Set<String> roles) {
		return roleGroups(slug).flatMapMany(groups -> Flux.fromIterable(groups.entrySet()))
			.concatMap(role -> roles.contains(role.getKey())
					? keycloak.send(HttpMethod.PUT, "/users/{user}/groups/{group}", Map.of(), userId, role.getValue())
					: keycloak.delete("/users/{user}/groups/{group}", userId, role.getValue()))
			.then(Mono.just(Set.copyOf(roles)));
	}

	public Flux<StaffAccount> staff(String slug) {
		return organizationId(slug).flatMapMany(org -> keycloak.list("/organizations/{id}/members?max=1000", org))
			.concatMap(user -> rolesOf(slug, String.valueOf(user.get("id")))
				.map(roles -> StaffAccount.member(String.valueOf(user.get("id")), String.valueOf(user.get("username")),
						String.valueOf(user.get("email")), roles)));
	}

	/**
	 * Takes the account out of this association only: its membership and its role groups
	 * here.
	 */
	public Mono<Void> removeStaff(String slug, String userId) {
		return setRoles(slug, userId, Set.of()).then(organizationId(slug))
			.flatMap(org -> keycloak.delete("/organizations/{id}/members/{user}", org, userId));
	}

	public Mono<Boolean> associationExists(String slug) {
		return organizationId(slug).hasElement();
	}

	public Mono<Boolean> accountExists(String email) {
		return findUser(email).hasElement();
	}

	public Mono<Void> deleteAccount(String userId) {
		return keycloak.delete("/users/{id}", userId);
	}

	private Mono<Set<String>> rolesOf(String slug, String userId) {
		String prefix = "/" + slug + "/";
		return keycloak.list("/users/{id}/groups", userId)
			.map(group -> String.valueOf(group.get("path")))
			.filter(path -> path.startsWith(prefix))
			.map(path -> path.substring(prefix.length()))
			.collect(LinkedHashSet::new, Set::add);
	}

	private Mono<StaffAccount> createUser(Person person, Set<String> roles) {
		String password = temporaryPassword();
		Map<String, Object> user = Map.of("username", person.email(), "email", person.email(), "firstName",
				person.firstName(), "lastName", person.lastName(), "enabled", true, "emailVerified", false,
				"requiredActions", List.of("UPDATE_PASSWORD"), "credentials",
				List.of(Map.of("type", "password", "value", password, "temporary", true)));
		return keycloak.create("/users", user)
			.map(id -> new StaffAccount(id, person.email(), person.email(), roles, true, password, false));
	}

	private Mono<Account> findUser(String email) {
		return keycloak.list("/users?email={email}&exact=true", email)
			.filter(user -> email.equalsIgnoreCase(String.valueOf(user.get("email"))))
			.map(user -> new Account(String.valueOf(user.get("id")), Boolean.TRUE.equals(user.get("emailVerified"))))
			.next();
	}

	/** An account found by e-mail, and whether Keycloak has verified that e-mail. */
	private record Account(String id, boolean verified) {
	}

	private Mono<String> organizationId(String slug) {
		// The admin API searches names and domains, not aliases; organizations carry
		// their slug as an attribute.
		return keycloak.list("/organizations?q={query}", SLUG_ATTRIBUTE + ":" + slug)
			.filter(org -> slug.equals(org.get("alias")))
			.map(org -> String.valueOf(org.get("id")))
			.next();
	}

	private Mono<String> groupId(String slug) {
		return keycloak.get("/group-by-path/{slug}", slug).map(group -> String.valueOf(group.get("id")));
	}

	private Mono<Map<String, String>> roleGroups(String slug) {
		return groupId(slug).flatMapMany(group -> keycloak.list("/groups/{id}/children?max=100", group))
			.collectMap(child -> String.valueOf(child.get("name")), child -> String.valueOf(child.get("id")));
	}

	private static String temporaryPassword() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

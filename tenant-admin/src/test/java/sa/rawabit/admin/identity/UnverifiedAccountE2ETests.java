package sa.rawabit.admin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.admin.TestMailbox;
import sa.rawabit.testing.TestTokens;

/**
 * Issue 17's account takeover, against the real Keycloak: an account whose owner typed
 * someone else's e-mail (unverified) is never made staff of an association, however the
 * address arrives — Keycloak's organization invitation goes to the address instead, and
 * only its acceptance makes the account a member; a verified account is attached.
 */
class UnverifiedAccountE2ETests extends AdminTest {

	@Autowired
	IdentityDirectory identity;

	@Autowired
	KeycloakAdmin keycloak;

	@Autowired
	WebTestClient web;

	String slug;

	String email;

	@BeforeEach
	void association() {
		slug = "takeover-" + UUID.randomUUID().toString().substring(0, 8);
		email = "future-admin@" + slug + ".example.org";
	}

	@Test
	void addStaffWhenAnUnverifiedAccountHasTheAddressThenInvitationSentAndNotAttached() {
		createAssociation();
		String mallory = account("mallory-" + slug, false);

		identity.addStaff(slug, new Person(email, "سارة", "الحربي"), Set.of(StaffRoles.TENANT_ADMIN))
			.as(StepVerifier::create)
			.assertNext(account -> {
				assertThat(account.invitationSent()).isTrue();
				assertThat(account.userId()).isEqualTo(mallory);
				assertThat(account.created()).isFalse();
				assertThat(account.temporaryPassword()).isNull();
			})
			.verifyComplete();

		assertThat(memberIds()).doesNotContain(mallory);
		assertThat(pendingInvitations()).contains(email);
		assertThat(mailTo(email)).isOne();
	}

	@Test
	void addStaffWhenTheAccountVerifiedItsAddressThenAttachedWithItsRoles() {
		createAssociation();
		String verified = account("verified-" + slug, true);

		identity.addStaff(slug, new Person(email, "سارة", "الحربي"), Set.of(StaffRoles.TENANT_ADMIN))
			.as(StepVerifier::create)
			.assertNext(account -> {
				assertThat(account.userId()).isEqualTo(verified);
				assertThat(account.invitationSent()).isFalse();
			})
			.verifyComplete();

		assertThat(identity.staff(slug).collectList().block()).singleElement().satisfies(member -> {
			assertThat(member.userId()).isEqualTo(verified);
			assertThat(member.roles()).containsExactly(StaffRoles.TENANT_ADMIN);
		});
		assertThat(pendingInvitations()).isEmpty();
	}

	@Test
	void onboardWhenTheFirstAdministratorsAddressIsUnverifiedThenInvitationSentAndNoMember() {
		String mallory = account("mallory-" + slug, false);

		onboard(email).expectBody()
			.jsonPath("$.firstAdministrator.invitationSent")
			.isEqualTo(true)
			.jsonPath("$.firstAdministrator.temporaryPassword")
			.doesNotExist();

		assertThat(memberIds()).doesNotContain(mallory).isEmpty();
		assertThat(pendingInvitations()).containsExactly(email);
		assertThat(mailTo(email)).isOne();
	}

	@Test
	void inviteStaffWhenAnUnverifiedAccountHasTheAddressThenAcceptedAndNotListed() {
		onboard("admin@" + slug + ".example.org");
		String mallory = account("mallory-" + slug, false);

		web.mutateWith(TestTokens.named("admin@" + slug + ".example.org", slug, StaffRoles.TENANT_ADMIN))
			.post()
			.uri("/api/staff")
			.bodyValue(Map.of("email", email, "firstName", "سارة", "lastName", "الحربي", "roles",
					List.of(StaffRoles.TENANT_ADMIN)))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.invitationSent")
			.isEqualTo(true);

		assertThat(memberIds()).hasSize(1).doesNotContain(mallory);
		assertThat(pendingInvitations()).containsExactly(email);
	}

	@Test
	void realmWhenUserEditsProfileThenEmailIsForAdministratorsOnly() {
		keycloak.get("/users/profile").as(StepVerifier::create).assertNext(profile -> {
			@SuppressWarnings("unchecked")
			var attributes = (List<Map<String, Object>>) profile.get("attributes");
			var email = attributes.stream()
				.filter(attribute -> "email".equals(attribute.get("name")))
				.findFirst()
				.orElseThrow();
			assertThat(((Map<?, ?>) email.get("permissions")).get("edit")).isEqualTo(List.of("admin"));
		}).verifyComplete();
	}

	private WebTestClient.ResponseSpec onboard(String administrator) {
		return onboard(web, slug, administrator).expectStatus().isCreated();
	}

	private void createAssociation() {
		identity.createAssociation(slug, "Takeover " + slug, "جمعية " + slug).as(StepVerifier::create).verifyComplete();
	}

	private String account(String username, boolean verified) {
		return keycloak
			.create("/users", Map.of("username", username, "email", email, "enabled", true, "emailVerified", verified))
			.block();
	}

	private String organization() {
		return keycloak.list("/organizations?q={query}", "slug:" + slug)
			.map(org -> String.valueOf(org.get("id")))
			.blockFirst();
	}

	/** Straight from Keycloak, not through the directory under test. */
	private List<String> memberIds() {
		return keycloak.list("/organizations/{id}/members", organization())
			.map(member -> String.valueOf(member.get("id")))
			.collectList()
			.block();
	}

	private List<String> pendingInvitations() {
		return keycloak.list("/organizations/{id}/invitations", organization())
			.map(invitation -> String.valueOf(invitation.get("email")))
			.collectList()
			.block();
	}

	private long mailTo(String address) {
		return Arrays.stream(TestMailbox.received()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.map(Address::toString)
					.anyMatch(address::equals);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

}

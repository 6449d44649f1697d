package sa.rawabit.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * The sections page is rendered once per view, change and language and written again to
 * every watcher of that view — signed-in page sessions of different people — and never to
 * another association or language.
 */
class SectionResponsesTests extends PlatformTest {

	@Autowired
	WebTestClient web;

	@Autowired
	MeterRegistry meters;

	@Autowired
	LiveVersions versions;

	@Autowired
	PoliciesInForce policies;

	TestTenant watched;

	TestTenant other;

	@BeforeEach
	void twoAssociations() {
		watched = TestTenants.register("rendered");
		other = TestTenants.register("rendered-other");
		ComplaintPolicies.publish(policies, watched.id(), ComplaintPolicies.samtah());
		ComplaintPolicies.publish(policies, other.id(), ComplaintPolicies.samtah());
	}

	@Test
	void sectionsWhenManyMembersWatchOneViewThenRenderedOncePerChangeAndSharedByteForByte() {
		String subject = "شكوى تراها اللجنة كلها " + System.nanoTime();
		long version = file(watched, subject);
		double before = renderings();

		List<String> pages = IntStream.range(0, 5)
			.mapToObj(i -> sections(watched, "member-" + i, version, null))
			.toList();

		assertThat(renderings() - before).isEqualTo(1);
		assertThat(pages).allSatisfy(page -> assertThat(page).isEqualTo(pages.getFirst()));
		assertThat(pages.getFirst()).contains(subject).contains("data-received=").doesNotContain("data-new=\"true\"");

		String next = "شكوى ثانية " + System.nanoTime();
		long after = file(watched, next);
		assertThat(sections(watched, "member-0", after, null)).contains(next);
		assertThat(sections(watched, "member-1", after, null)).contains(next);
		assertThat(renderings() - before).isEqualTo(2);
	}

	@Test
	void sectionsWhenAnotherLanguageOrAssociationThenNeverServedTheOthersRendering() {
		String subject = "شكوى لا تخرج من جمعيتها " + System.nanoTime();
		long version = file(watched, subject);
		String arabic = sections(watched, "member-a", version, null);
		double before = renderings();

		String english = sections(watched, "member-b", version, "en");
		String elsewhere = sections(other, "member-c", version, null);

		assertThat(renderings() - before).isEqualTo(2);
		assertThat(arabic).contains("الشكاوى المفتوحة").contains(subject);
		assertThat(english).contains("Open complaints").contains(subject).doesNotContain("الشكاوى المفتوحة");
		assertThat(elsewhere).doesNotContain(subject);
	}

	@Test
	void sectionsWhenSeenIsNotANumberThenAProblemNotARendering() {
		// The view a page with no event heard is served is rendered and kept: garbage
		// must not be served it.
		long latest = versions.versionFor(watched.id(), null);
		sections(watched, "member-y", latest, null);
		web.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
			.idToken(token -> token.subject("member-x")
				.claim("preferred_username", "member-x@" + watched.slug())
				.claim("organization", List.of(watched.slug()))
				.claim("groups", List.of("/" + watched.slug() + "/follow-up-committee"))))
			.get()
			.uri(SectionResponses.PATH + "?seen=abc")
			.header("HX-Request", "true")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private String sections(TestTenant association, String person, long seen, String lang) {
		return web
			.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
				.idToken(token -> token.subject(person)
					.claim("preferred_username", person + "@" + association.slug())
					.claim("organization", List.of(association.slug()))
					.claim("groups", List.of("/" + association.slug() + "/follow-up-committee"))))
			.get()
			.uri(builder -> builder.path(SectionResponses.PATH)
				.queryParam("seen", seen)
				.queryParamIfPresent("lang", java.util.Optional.ofNullable(lang))
				.build())
			.header("HX-Request", "true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Files a complaint and waits until this replica's fan-out delivered it: the version
	 * pages then name.
	 */
	private long file(TestTenant association, String subject) {
		long was = versions.versionFor(association.id(), null);
		web.mutateWith(TestTokens.staff(association.slug(), "relations-officer"))
			.post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "fax", "name", "مستفيد", "subject", subject, "description", "نص الشكوى"))
			.exchange()
			.expectStatus()
			.isCreated();
		return Mono.fromSupplier(() -> versions.versionFor(association.id(), null))
			.filter(now -> now != was)
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(20)))
			.block(Duration.ofSeconds(10));
	}

	private double renderings() {
		return meters.get("rawabit.dashboard.renderings").counter().count();
	}

}

package sa.rawabit.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/**
 * Need-to-know on case files (issue 17): the roles on a request's route (Samtah:
 * relations officer, research committee) and top management see its file; every other
 * role of the association sees a summary and cannot download its attachments. The
 * beneficiary picker masks national IDs as the API does.
 */
class NeedToKnowTests extends RequestsTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };

	TestTenants.TestTenant samtah;

	String nationalId;

	String request;

	String attachment;

	@BeforeEach
	void requestWithAnAttachment() {
		web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
		samtah = associationWithSeed("samtah-cooperative");
		nationalId = newNationalId();
		String person = beneficiary(samtah.slug(), Map.of("nationalId", nationalId, "fullName", "محمد علي"));
		request = as(samtah.slug(), "relations-officer").post()
			.uri("/api/requests")
			.bodyValue(Map.of("beneficiaryId", person, "service", "service-request", "channel", "interview",
					"checklistReceived", List.of(0)))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", PNG).filename("scan.png").contentType(MediaType.IMAGE_PNG);
		as(samtah.slug(), "relations-officer").post()
			.uri(request + "/attachments")
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		List<?> attachments = (List<?>) as(samtah.slug(), "relations-officer").get()
			.uri(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("attachments");
		attachment = String.valueOf(((Map<?, ?>) attachments.getFirst()).get("id"));
	}

	@Test
	void requestWhenRoleOnTheRouteOrTopManagementThenTheWholeFile() {
		for (String role : new String[] { "relations-officer", "research-committee", "top-management" }) {
			as(samtah.slug(), role).get()
				.uri(request)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.summary")
				.isEqualTo(false)
				.jsonPath("$.attachments[0].fileName")
				.isEqualTo("scan.png");
			as(samtah.slug(), role).get()
				.uri(request + "/attachments/" + attachment)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.contentType(MediaType.IMAGE_PNG)
				.expectHeader()
				.value(HttpHeaders.CONTENT_DISPOSITION,
						disposition -> assertThat(disposition).startsWith("attachment"));
		}
	}

	@Test
	void requestWhenRoleNotOnTheRouteThenSummaryOnlyAndNoDownload() {
		for (String role : new String[] { "contact-officer", "social-researcher", "follow-up-committee" }) {
			as(samtah.slug(), role).get()
				.uri(request)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.summary")
				.isEqualTo(true)
				.jsonPath("$.request.status")
				.isNotEmpty()
				.jsonPath("$.attachments")
				.isEmpty()
				.jsonPath("$.history[*].detail.attachment")
				.doesNotExist();
			as(samtah.slug(), role).get()
				.uri(request + "/attachments/" + attachment)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:rawabit:problem:forbidden");
		}
	}

	@Test
	void newRequestPageWhenRoleMasksThenNationalIdsMaskedAsInTheApi() {
		assertThat(newRequestPage("relations-officer")).contains(nationalId);
		assertThat(newRequestPage("follow-up-committee")).doesNotContain(nationalId).contains("****");
	}

	WebTestClient as(String slug, String role) {
		return web.mutateWith(TestTokens.staff(slug, role));
	}

	private String newRequestPage(String role) {
		return web
			.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
				.idToken(token -> token.subject("user-" + role)
					.claim("preferred_username", role + "@" + samtah.slug())
					.claim("organization", List.of(samtah.slug()))
					.claim("groups", List.of("/" + samtah.slug() + "/" + role))))
			.get()
			.uri("/requests/new")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}

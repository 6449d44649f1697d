package sa.rawabit.platform.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import sa.rawabit.platform.DeskTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Staff open their association's tool documents; the public gets only the latest public
 * ones.
 */
class ToolDocumentsTests extends DeskTest {

	TestTenant thimar;

	@BeforeEach
	void association() {
		thimar = TestTenants.register("thimar-shelf");
		publishInForce(thimar.id(),
				SeedPolicies.get("thimar-alkhair").yaml().replace("slug: thimar-alkhair", "slug: " + thimar.slug()));
	}

	@Test
	void staffDownloadWhenLatestThenExactBytesAndSafeHeaders() {
		byte[] second = (new String(ToolDocumentFixtures.PDF) + "v2").getBytes();
		ToolDocumentFixtures.upload(thimar.id(), "bylaws", 1, "old.pdf", ToolDocumentFixtures.PDF, true);
		ToolDocumentFixtures.upload(thimar.id(), "bylaws", 2, "اللائحة الأساسية.pdf", second, false);

		byte[] body = web.mutateWith(ToolDocumentFixtures.member(thimar.slug(), "relations-officer"))
			.get()
			.uri("/tools/bylaws")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION,
					disposition -> assertThat(disposition).startsWith("attachment;")
						.contains("filename*=UTF-8''%D8%A7%D9%84%D9%84%D8%A7%D8%A6%D8%AD%D8%A9"))
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isEqualTo(second);

		byte[] first = web.mutateWith(ToolDocumentFixtures.member(thimar.slug(), "social-researcher"))
			.get()
			.uri("/tools/bylaws/versions/1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(first).isEqualTo(ToolDocumentFixtures.PDF);
	}

	@Test
	void staffDownloadWhenLargerThanOneSliceThenSentWholeInSlices() {
		byte[] large = new byte[1024 * 1024 + 17]; // four 256 KB slices and a few bytes
		new java.util.Random(3).nextBytes(large);
		ToolDocumentFixtures.upload(thimar.id(), "social-research-guide", 1, "guide.pdf", large, false);

		byte[] body = web.mutate()
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(2 * 1024 * 1024))
			.build()
			.mutateWith(ToolDocumentFixtures.member(thimar.slug(), "social-researcher"))
			.get()
			.uri("/tools/social-research-guide")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentLength(large.length)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isEqualTo(large);
	}

	@Test
	void staffDownloadWhenOtherAssociationsToolThenNotFound() {
		ToolDocumentFixtures.upload(thimar.id(), "bylaws", 1, "bylaws.pdf", ToolDocumentFixtures.PDF, true);
		TestTenant other = TestTenants.register("other-shelf");
		publishInForce(other.id(),
				SeedPolicies.get("thimar-alkhair").yaml().replace("slug: thimar-alkhair", "slug: " + other.slug()));

		web.mutateWith(ToolDocumentFixtures.member(other.slug(), "relations-officer"))
			.get()
			.uri("/tools/bylaws")
			.exchange()
			.expectStatus()
			.isNotFound();
		web.mutateWith(ToolDocumentFixtures.member(other.slug(), "relations-officer"))
			.get()
			.uri("/tools/bylaws/versions/1")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void publicDownloadWhenLatestIsPublicThenServedOtherwiseNotFound() {
		ToolDocumentFixtures.upload(thimar.id(), "support-request-form", 1, "form.pdf", ToolDocumentFixtures.PDF, true);
		ToolDocumentFixtures.upload(thimar.id(), "social-research-guide", 1, "guide.pdf", ToolDocumentFixtures.PDF,
				false);
		ToolDocumentFixtures.upload(thimar.id(), "bylaws", 1, "bylaws.pdf", ToolDocumentFixtures.PDF, true);
		ToolDocumentFixtures.upload(thimar.id(), "bylaws", 2, "bylaws-draft.pdf", ToolDocumentFixtures.PDF, false);

		byte[] form = web.get()
			.uri("/public/{slug}/documents/support-request-form", thimar.slug())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(form).isEqualTo(ToolDocumentFixtures.PDF);
		for (String hidden : List.of("social-research-guide", "bylaws", "support-policy-guide", "no-such-tool")) {
			web.get()
				.uri("/public/{slug}/documents/{tool}", thimar.slug(), hidden)
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		// A version linked from an answer stays reachable while public; the internal
		// draft after it does not.
		web.get()
			.uri("/public/{slug}/documents/bylaws/versions/1", thimar.slug())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION,
					disposition -> assertThat(disposition).contains("bylaws.pdf").doesNotContain("draft"));
		web.get()
			.uri("/public/{slug}/documents/bylaws/versions/2", thimar.slug())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void publicPageWhenPublicDocumentsThenListsOnlyThem() {
		ToolDocumentFixtures.upload(thimar.id(), "support-request-form", 1, "form.pdf", ToolDocumentFixtures.PDF, true);
		ToolDocumentFixtures.upload(thimar.id(), "social-research-guide", 1, "guide.pdf", ToolDocumentFixtures.PDF,
				false);

		String page = web.get()
			.uri("/public/{slug}", thimar.slug())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("public-document-support-request-form")
			.contains("/public/" + thimar.slug() + "/documents/support-request-form")
			.doesNotContain("public-document-social-research-guide");
	}

	@Test
	void toolsPageWhenSomeUploadedThenEveryToolOfThePolicyWithLatestOrNotYet() {
		ToolDocumentFixtures.upload(thimar.id(), "bylaws", 1, "bylaws.pdf", ToolDocumentFixtures.PDF, true);

		String page = web.mutateWith(ToolDocumentFixtures.member(thimar.slug(), "contact-officer"))
			.get()
			.uri("/tools")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("اللائحة الأساسية للجمعية", "bylaws.pdf", "الإصدار 1", "طلب دعم مستفيد",
				"لم يُرفع بعد", "هـ");
	}

}

package sa.rawabit.admin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * Tool document uploads over HTTP: versions kept, and every refused upload leaves no row
 * behind.
 */
class ToolDocumentsHttpTests extends AdminTest {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes();

	@Autowired
	WebTestClient web;

	TestTenant thimar;

	@BeforeEach
	void association() {
		// Uploads of up to 10 MB on a shared, loaded machine: more room than the 5 s
		// default.
		web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		thimar = TestTenants.register("thimar-tools");
		TestPolicies.publish(thimar.id(),
				SeedPolicies.get("thimar-alkhair").yaml().replace("slug: thimar-alkhair", "slug: " + thimar.slug()));
	}

	@Test
	void uploadWhenTwiceThenVersionsOneAndTwoBothKept() {
		upload("bylaws", file("اللائحة.pdf", PDF), "true", "أول إصدار").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(1)
			.jsonPath("$.mediaType")
			.isEqualTo("application/pdf")
			.jsonPath("$.fileName")
			.isEqualTo("اللائحة.pdf")
			.jsonPath("$.public")
			.isEqualTo(true);
		upload("bylaws", file("../../etc/bylaws-2.docx", docx()), "false", null).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(2)
			.jsonPath("$.fileName")
			.isEqualTo("bylaws-2.docx")
			.jsonPath("$.mediaType")
			.isEqualTo(DocumentFile.DOCX);

		web.mutateWith(admin())
			.get()
			.uri("/api/tenants/{t}/tools", thimar.id().value())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo("bylaws")
			.jsonPath("$[0].versions.length()")
			.isEqualTo(2)
			.jsonPath("$[0].versions[0].version")
			.isEqualTo(2)
			.jsonPath("$[0].versions[1].changeNote")
			.isEqualTo("أول إصدار")
			.jsonPath("$[0].versions[1].sizeBytes")
			.isEqualTo(PDF.length)
			.jsonPath("$[0].versions[1].uploadedBy")
			.isNotEmpty()
			.jsonPath("$[1].versions")
			.isEmpty();
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	void uploadWhenHtmlNamedPdfThenUnsupportedMediaTypeAndNothingStored() {
		upload("bylaws", file("bylaws.pdf", "<html><body>hi</body></html>".getBytes()), "true", null).expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("file")
			.jsonPath("$.titleAr")
			.isNotEmpty()
			.jsonPath("$.titleEn")
			.isNotEmpty();
		assertThat(rows()).isZero();
	}

	@Test
	void uploadWhenZipWithoutWordPartsThenUnsupportedMediaType() throws IOException {
		upload("bylaws", file("bylaws.docx", zip("xl/workbook.xml")), "true", null).expectStatus().isEqualTo(415);
		assertThat(rows()).isZero();
	}

	@Test
	void uploadWhenEmptyThenProblemNamingFileAndNothingStored() {
		upload("bylaws", file("empty.pdf", new byte[0]), "true", null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("file");
		assertThat(rows()).isZero();
	}

	@Test
	void uploadWhenOverTenMegabytesThenPayloadTooLargeAndNothingStored() {
		byte[] big = Arrays.copyOf(PDF, DocumentFile.MAX_BYTES + 1);
		upload("bylaws", file("big.pdf", big), "true", null).expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:payload-too-large")
			.jsonPath("$.field")
			.isEqualTo("file");
		assertThat(rows()).isZero();
	}

	@Test
	void uploadWhenExactlyTenMegabytesThenStored() {
		upload("bylaws", file("max.pdf", Arrays.copyOf(PDF, DocumentFile.MAX_BYTES)), "true", null).expectStatus()
			.isCreated();
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void uploadWhenToolNotInPolicyThenNotFoundNamingToolIdAndNothingStored() {
		upload("partners-policy", file("p.pdf", PDF), "true", null).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("toolId");
		assertThat(rows()).isZero();
	}

	@Test
	void uploadWhenOtherAssociationsAdminThenNotFoundAndNothingStored() {
		TestTenant other = TestTenants.register("other-tools");
		upload(TestTokens.staff(other.slug(), "tenant-admin"), "bylaws", file("b.pdf", PDF), "true", null)
			.expectStatus()
			.isNotFound();
		upload(TestTokens.staff(thimar.slug(), "relations-officer"), "bylaws", file("b.pdf", PDF), "true", null)
			.expectStatus()
			.isForbidden();
		assertThat(rows()).isZero();
	}

	@Test
	void uploadWhenConcurrentThenEachStoredOnceOrRefusedWithConflict() throws Exception {
		List<Callable<Integer>> uploads = IntStream.range(0, 6)
			.<Callable<Integer>>mapToObj(
					i -> () -> upload("bylaws", file(i + ".pdf", PDF), "true", null).returnResult(Void.class)
						.getStatus()
						.value())
			.toList();
		try (var pool = Executors.newFixedThreadPool(uploads.size())) {
			List<Integer> statuses = new ArrayList<>();
			for (var status : pool.invokeAll(uploads)) {
				statuses.add(status.get());
			}
			assertThat(statuses).containsAnyOf(201).allMatch(status -> status == 201 || status == 409);
			assertThat(rows()).isEqualTo(statuses.stream().filter(status -> status == 201).count());
		}
	}

	@Test
	void sanitisedNameWhenLongOrWithPathThenLastSegmentAtMostTwoHundred() {
		assertThat(DocumentFile.sanitisedName("C:\\Users\\x\\" + "ب".repeat(300) + ".pdf")).hasSize(200)
			.endsWith(".pdf");
		assertThat(DocumentFile.sanitisedName("/tmp/../..")).isEqualTo("document");
		assertThat(DocumentFile.sanitisedName("a\u0000b\nc.pdf")).isEqualTo("abc.pdf");
	}

	private WebTestClient.ResponseSpec upload(String tool, ByteArrayResource file, String isPublic, String note) {
		return upload(admin(), tool, file, isPublic, note);
	}

	private WebTestClient.ResponseSpec upload(JwtMutator who, String tool, ByteArrayResource file, String isPublic,
			String note) {
		return web.mutateWith(who)
			.post()
			.uri("/api/tenants/{t}/tools/{tool}/documents", thimar.id().value(), tool)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(body(file, isPublic, note).build())
			.exchange();
	}

	static MultipartBodyBuilder body(ByteArrayResource file, String isPublic, String note) {
		var body = new MultipartBodyBuilder();
		body.part("file", file).contentType(MediaType.APPLICATION_PDF);
		body.part("public", isPublic);
		if (note != null) {
			body.part("changeNote", note);
		}
		return body;
	}

	static ByteArrayResource file(String name, byte[] content) {
		return new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return name;
			}
		};
	}

	static byte[] docx() {
		try {
			return zip("[Content_Types].xml", "word/document.xml");
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	static byte[] zip(String... entries) throws IOException {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<x/>".getBytes());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private long rows() {
		try (var connection = TestDatabase.get().connectAsSuperuser();
				var count = connection
					.prepareStatement("select count(*) from control.tool_document where tenant_id = ?")) {
			count.setObject(1, thimar.id().value());
			try (var result = count.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JwtMutator admin() {
		return TestTokens.staff(thimar.slug(), "tenant-admin");
	}

}

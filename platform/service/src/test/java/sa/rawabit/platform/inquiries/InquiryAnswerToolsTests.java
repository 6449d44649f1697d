package sa.rawabit.platform.inquiries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.platform.tools.ToolDocumentFixtures;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * An answer that attaches the association's public documents records which versions went,
 * and links them.
 */
class InquiryAnswerToolsTests extends InquiryTest {

	TestTenant association;

	String inquiry;

	@BeforeEach
	void inquiryWithPublicAndInternalDocuments() {
		association = association("samtah-tools");
		ToolDocumentFixtures.upload(association.id(), "bylaws", 1, "bylaws-1.pdf", ToolDocumentFixtures.PDF, true);
		ToolDocumentFixtures.upload(association.id(), "bylaws", 2, "bylaws-2.pdf", ToolDocumentFixtures.PDF, true);
		ToolDocumentFixtures.upload(association.id(), "partners-policy", 1, "p.pdf", ToolDocumentFixtures.PDF, false);
		inquiry = (String) log(association.slug(), "relations-officer", "widows", "housing").get("id");
	}

	@Test
	void answerWhenDocumentAttachedThenRecordedWithVersionAndLinkedInTheMessage() throws Exception {
		String text = "تجدون الشروط في اللائحة المرفقة " + inquiry;
		answer(List.of("bylaws"), text).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("answered");

		assertThat(query(association.id(),
				"select string_agg(tool_id || ':' || version, ',')"
						+ " from app.inquiry_tool_attachment where inquiry_id = '" + inquiry + "'"))
			.isEqualTo("bylaws:2");
		String mail = mailContaining(text);
		// The link names the version attached: a later upload does not change what the
		// person was sent.
		assertThat(mail).contains("http://127.0.0.1:8080/public/" + association.slug() + "/documents/bylaws/versions/2")
			.contains("اللائحة الأساسية")
			.contains("الإصدار 2");
	}

	@Test
	void inquiryPageWhenOpenThenOffersPublicDocumentsAndWhenAnsweredListsTheAttached() {
		String open = page();
		assertThat(open).contains("data-testid=\"attach-bylaws\"", "name=\"tool.bylaws\"")
			.doesNotContain("attach-partners-policy");

		answer(List.of("bylaws"), "راجعوا اللائحة").expectStatus().isOk();
		String answered = page();
		assertThat(answered).contains("data-testid=\"answer-attachments\"", "/tools/bylaws/versions/2", "الإصدار 2");
	}

	private String page() {
		return web.mutateWith(ToolDocumentFixtures.member(association.slug(), "contact-officer"))
			.get()
			.uri("/inquiries/{id}", inquiry)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void answerWhenDocumentIsNotPublicThenRefusedNamingToolsAndNothingChanged() {
		answer(List.of("bylaws", "partners-policy"), "إجابة").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("tools");

		assertThat(query(association.id(),
				"select count(*) from app.inquiry_tool_attachment where inquiry_id = '" + inquiry + "'"))
			.isEqualTo("0");
		assertThat(query(association.id(), "select state from app.inquiry where id = '" + inquiry + "'"))
			.isEqualTo("open");
	}

	@Test
	void attachmentsWhenReadAsAnotherAssociationOrNoneThenInvisibleAndUnwritable() throws SQLException {
		answer(List.of("bylaws"), "إجابة مع مرفق").expectStatus().isOk();
		TestTenant other = TestTenants.register("samtah-tools-b");
		String table = "select count(*) from app.inquiry_tool_attachment where inquiry_id = '" + inquiry + "'";

		assertThat(query(association.id(), table)).isEqualTo("1");
		assertThat(query(other.id(), table)).isEqualTo("0");
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				Statement sql = platform.createStatement()) {
			var none = sql.executeQuery(table);
			none.next();
			assertThat(none.getInt(1)).as("with no association").isZero();
			platform.setAutoCommit(false);
			sql.execute("select set_config('app.tenant_id', '" + other.id().value() + "', true)");
			assertThatThrownBy(() -> sql.execute("""
					insert into app.inquiry_tool_attachment (tenant_id, inquiry_id, tool_id, version, attached_by,
					    attached_at) values ('%s', '%s', 'bylaws', 1, 'x', now())""".formatted(association.id().value(),
					inquiry)))
				.hasMessageContaining("row-level security");
			platform.rollback();
		}
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec answer(List<String> tools,
			String text) {
		return as(association.slug(), "contact-officer").post()
			.uri("/api/inquiries/{id}/answer", inquiry)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", text, "tools", tools))
			.exchange();
	}

	private static String mailContaining(String text) throws Exception {
		for (int tries = 0; tries < 50; tries++) {
			SMTP.waitForIncomingEmail(200, 1);
			for (MimeMessage message : SMTP.getReceivedMessages()) {
				String content = message.getContent().toString();
				if (content.contains(text)) {
					return content;
				}
			}
		}
		throw new AssertionError("no e-mail containing " + text);
	}

}

package sa.rawabit.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.secrets.SecretBox;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * A beneficiary who agreed to WhatsApp is told through the association's own WhatsApp
 * Business account, against a local fake of the Cloud API's messages endpoint that
 * records what it was sent.
 */
class WhatsAppPortTests extends PlatformTest {

	record Received(String method, String path, String authorization, String body) {
	}

	@Autowired
	WhatsAppPort whatsApp;

	@Autowired
	SecretBox secrets;

	HttpServer cloudApi;

	final List<Received> received = new CopyOnWriteArrayList<>();

	volatile int status = 200;

	TestTenant association;

	@BeforeEach
	void fakeCloudApi() throws IOException {
		cloudApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		cloudApi.createContext("/", exchange -> {
			received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			byte[] answer = (status == 200 ? """
					{"messaging_product":"whatsapp","contacts":[{"input":"966501234567","wa_id":"966501234567"}],
					 "messages":[{"id":"wamid.HBgMOTY2NTAxMjM0NTY3"}]}"""
					: "{\"error\":{\"message\":\"Invalid OAuth access token\",\"code\":190}}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		cloudApi.start();
		association = TestTenants.register("whatsapp");
	}

	@AfterEach
	void stop() {
		cloudApi.stop(0);
	}

	@Test
	void tellWhenAgreedOnWhatsAppThenPostsTextToTheAccountsPhoneNumberWithItsToken() throws SQLException {
		account("graph-token-123");

		tell("+966 50 123 4567").as(StepVerifier::create).assertNext(told -> {
			assertThat(told.sent()).isTrue();
			assertThat(told.detail()).isEqualTo("wamid.HBgMOTY2NTAxMjM0NTY3");
		}).verifyComplete();
		assertThat(received).singleElement().satisfies(request -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/v21.0/106540352242922/messages");
			assertThat(request.authorization()).isEqualTo("Bearer graph-token-123");
			assertThat(request.body()).contains("\"messaging_product\":\"whatsapp\"", "\"to\":\"966501234567\"",
					"\"type\":\"text\"", "قُبل طلبكم");
		});
	}

	@Test
	void tellWhenCloudApiRefusesTheTokenThenFailedForStaffToSee() throws SQLException {
		account("expired-token");
		status = 401;

		tell("966501234567").as(StepVerifier::create).assertNext(told -> {
			assertThat(told.sent()).isFalse();

		}).verifyComplete();
	}

	@Test
	void tellWhenAssociationHasNoAccountThenFailedWithoutCallingAnyone() {
		tell("966501234567").as(StepVerifier::create)
			.assertNext(told -> assertThat(told.detail()).contains("no WhatsApp Business account"))
			.verifyComplete();
		assertThat(received).isEmpty();
	}

	@Test
	void tellWhenTokenWasSealedForAnotherAssociationThenItDoesNotOpen() throws SQLException {
		TestTenant other = TestTenants.register("whatsapp-other");
		insert(association, secrets.seal(other.id(), "stolen-token"));

		tell("966501234567").as(StepVerifier::create)
			.assertNext(told -> assertThat(told.sent()).isFalse())
			.verifyComplete();
		assertThat(received).isEmpty();
	}

	/**
	 * The port itself: the durable queue (MessageSender) hands it every queued WhatsApp
	 * message.
	 */
	private reactor.core.publisher.Mono<Delivery> tell(String phone) {
		return whatsApp.send(new BeneficiaryMessage(MessageId.random(), phone, "", "قُبل طلبكم، روابط"))
			.contextWrite(TenantContext.of(association.id()));
	}

	private void account(String token) throws SQLException {
		insert(association, secrets.seal(association.id(), token));
	}

	private void insert(TestTenant tenant, byte[] sealed) throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement insert = superuser.prepareStatement("""
						insert into control.messaging_channel (tenant_id, kind, base_url, phone_number_id, token_sealed,
						    updated_by, updated_at)
						values (?, 'whatsapp', ?, '106540352242922', ?, 'admin', ?)""")) {
			insert.setObject(1, tenant.id().value());
			insert.setString(2, "http://127.0.0.1:" + cloudApi.getAddress().getPort() + "/v21.0");
			insert.setBytes(3, sealed);
			insert.setTimestamp(4, Timestamp.from(Instant.now()));
			insert.executeUpdate();
		}
	}

}

package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.publicaccess.TrackingCode;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestDatabase.StoppableServer;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * PostgreSQL fast-stopped under the public complaint link and started again: while it is
 * down every filing is answered 503 with {@code Retry-After} and readiness is red; once
 * it is back filings succeed within seconds and every acknowledged complaint is there.
 * The server is this test's own, so stopping it disturbs no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureWebTestClient
class DatabaseOutageTests {

	@TempDir
	static Path data;

	static StoppableServer server;

	static final Map<String, String> COMPLAINT = Map.of("name", "مستفيد", "contact", "0500000000", "subject",
			"تأخر الرد", "description", "لم يصلني رد على طلبي");

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void dedicatedDatabase(DynamicPropertyRegistry registry) {
		server = TestDatabase.dedicated(data);
		server.database().register(registry, DatabaseRoles.PLATFORM);
		// Only public links are used: no token is ever checked, so no Keycloak is needed.
		registry.add("rawabit.security.issuer", () -> "http://127.0.0.1:1/realms/unused");
		registry.add("rawabit.updates.scanning", () -> "false");
		registry.add("rawabit.public-access.address-capacity", () -> "1000");
		registry.add("rawabit.public-access.association-capacity", () -> "1000");
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void databaseWhenStoppedThen503WithRetryAfterAndWhenBackThenAcknowledgedComplaintsKept() {
		TestTenant association = TestTenants.register(server.database(), "outage");
		ComplaintPolicies.awaitInForce(policies, association.id(),
				TestPolicies.publish(server.database(), association.id(), ComplaintPolicies.samtah()));
		List<String> acknowledged = new ArrayList<>();
		acknowledged.add(file(association).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("trackingCode")
			.toString());

		server.stop();
		for (int i = 0; i < 3; i++) {
			file(association).expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "5")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:rawabit:problem:database-unavailable")
				.jsonPath("$.titleEn")
				.isEqualTo("The database is unavailable for a moment, try again shortly")
				.jsonPath("$.titleAr")
				.isEqualTo("قاعدة البيانات غير متاحة لحظياً، أعد المحاولة بعد قليل");
		}
		web.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
		assertThat(pipelines()).as("every background pipeline says it cannot reach the database")
			.containsOnly(Status.DOWN);

		server.start();
		long back = System.nanoTime();
		String code = null;
		while (code == null && System.nanoTime() - back < Duration.ofSeconds(5).toNanos()) {
			EntityExchangeResult<Map> answer = file(association).expectBody(Map.class).returnResult();
			if (answer.getStatus().value() == 201) {
				code = answer.getResponseBody().get("trackingCode").toString();
			}
			else {
				assertThat(answer.getStatus().value()).as("while the pool reconnects").isEqualTo(503);
			}
		}
		assertThat(code).as("a filing succeeds within 5 s of the server being back").isNotNull();
		acknowledged.add(code);
		web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		assertThat(pipelines()).containsOnly(Status.UP);
		assertThat(storedHashes(association))
			.containsAll(acknowledged.stream().map(acked -> new TrackingCode(acked).hash()).toList());
	}

	/**
	 * The background pipelines' own health: outbox and reactions, deadline sweeper,
	 * message sender.
	 */
	private List<Status> pipelines() {
		return Stream.of("pipelinesHealthIndicator", "sweeperHealthIndicator", "messageSenderHealthIndicator")
			.map(name -> context.getBean(name, ReactiveHealthIndicator.class)
				.health(false)
				.block(Duration.ofSeconds(10)))
			.map(Health::getStatus)
			.toList();
	}

	private WebTestClient.ResponseSpec file(TestTenant association) {
		return web.post()
			.uri("/public/{slug}/complaints", association.slug())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(COMPLAINT)
			.exchange();
	}

	private static List<String> storedHashes(TestTenant association) {
		try (Connection superuser = server.database().connectAsSuperuser();
				PreparedStatement select = superuser
					.prepareStatement("select tracking_hash from app.complaint where tenant_id = ?")) {
			select.setObject(1, association.id().value());
			List<String> codes = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					codes.add(rows.getString(1));
				}
			}
			return codes;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

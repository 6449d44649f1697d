package sa.rawabit.platform.requests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.beneficiaries.NationalId;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/**
 * Requests end to end through HTTP, with a clock the test moves (to cross a weekend and Eid), an
 * in-process SMTP server (GreenMail) and a tiny SMS webhook. One application context for all
 * subclasses; it differs from PlatformTest's only by the clock and the two message servers.
 */
@Import(RequestsTest.MovableClockConfiguration.class)
abstract class RequestsTest extends PlatformTest {

	static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

	static final MovableClock CLOCK = new MovableClock();

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final Queue<String> SMS = new ConcurrentLinkedQueue<>();

	static final HttpServer SMS_GATEWAY = smsGateway();

	static {
		SMTP.start();
	}

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@DynamicPropertySource
	static void messageServers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("rawabit.requests.attachment-max-size", () -> "64KB");
		registry.add("rawabit.messaging.sms-webhook",
				() -> "http://127.0.0.1:" + SMS_GATEWAY.getAddress().getPort() + "/sms");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClockConfiguration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return CLOCK;
		}
	}

	/** Time stands still until the test moves it, as at a desk where nothing happens between two steps. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.now();

		void set(Instant instant) {
			now = instant;
		}

		/** 10:00 in Riyadh on {@code day}. */
		void setDay(LocalDate day) {
			set(day.atTime(10, 0).atZone(RIYADH).toInstant());
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	private static HttpServer smsGateway() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/sms", exchange -> {
				SMS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(202, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new association publishing the given seed policy as its own, in force on this replica. */
	TestTenants.TestTenant associationWithSeed(String seedSlug) {
		var tenant = TestTenants.register(seedSlug);
		String yaml = SeedPolicies.get(seedSlug).yaml().replaceFirst("(?m)^  slug: .*$", "  slug: " + tenant.slug());
		var version = TestPolicies.publish(tenant.id(), yaml);
		awaitInForce(tenant.id(), version);
		return tenant;
	}

	private void awaitInForce(TenantId tenant, java.util.UUID version) {
		policies.inForce(tenant)
			.filter(loaded -> loaded.version().value().equals(version))
			.repeatWhenEmpty(empty -> empty.delayElements(java.time.Duration.ofMillis(20)))
			.timeout(java.time.Duration.ofSeconds(10))
			.switchIfEmpty(Mono.error(new AssertionError("policy not in force")))
			.block();
	}

	static String newNationalId() {
		return NationalId.complete("1" + String.format("%08d", (int) (Math.random() * 99_999_999)));
	}

	/** Registers a beneficiary as the association's officer; returns its id. */
	String beneficiary(String slug, Map<String, Object> fields) {
		var location = web.mutateWith(sa.rawabit.testing.TestTokens.staff(slug, "relations-officer"))
			.post()
			.uri("/api/beneficiaries")
			.bodyValue(fields)
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		return location.substring(location.lastIndexOf('/') + 1);
	}
}

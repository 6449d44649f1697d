package sa.rawabit.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
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
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.policy.InForce;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestPolicies;

/**
 * Case desks (requests, inquiries) end to end through HTTP, with a clock the test moves
 * (to cross a weekend and Eid), an in-process SMTP server (GreenMail) and a tiny SMS
 * webhook. One application context for every subclass; it differs from PlatformTest's
 * only by the clock and the two servers.
 */
@Import(DeskTest.MovableClockConfiguration.class)
public abstract class DeskTest extends PlatformTest {

	protected static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

	protected static final MovableClock CLOCK = new MovableClock();

	protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	protected static final Queue<String> SMS = new ConcurrentLinkedQueue<>();

	/**
	 * Per phone number: how many more requests the gateway answers 500 (negative: for
	 * ever).
	 */
	protected static final Map<String, Integer> SMS_FAILURES = new ConcurrentHashMap<>();

	/**
	 * Every request the gateway received, accepted or not:
	 * {@code <to> <Idempotency-Key> <status>}.
	 */
	protected static final Queue<String> SMS_REQUESTS = new ConcurrentLinkedQueue<>();

	private static final HttpServer SMS_GATEWAY = smsGateway();

	static {
		SMTP.start();
	}

	@Autowired
	protected WebTestClient web;

	@Autowired
	protected PoliciesInForce policies;

	@DynamicPropertySource
	static void messageServers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("rawabit.requests.attachment-max-size", () -> "64KB");
		registry.add("rawabit.messaging.sms-webhook",
				() -> "http://127.0.0.1:" + SMS_GATEWAY.getAddress().getPort() + "/sms");
		// Retries in milliseconds rather than minutes, so a test sees a message through
		// all its attempts.
		registry.add("rawabit.messaging.queue.attempts", () -> "4");
		registry.add("rawabit.messaging.queue.backoff", () -> "50ms");
		registry.add("rawabit.messaging.queue.max-backoff", () -> "200ms");
		registry.add("rawabit.messaging.queue.poll", () -> "100ms");
		registry.add("rawabit.notifications.reactions.backoff", () -> "100ms");
	}

	/**
	 * Retries {@code check} until it passes (15 s at most): for what the background
	 * sender and reactions do after the request returned, e.g. a queued message's
	 * outcome.
	 */
	protected static void eventually(Runnable check) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (true) {
			try {
				check.run();
				return;
			}
			catch (AssertionError failure) {
				if (System.nanoTime() > deadline) {
					throw failure;
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw failure;
				}
			}
		}
	}

	/**
	 * Publishes {@code yaml} for the association and waits until this replica serves it.
	 */
	protected void publishInForce(TenantId tenant, String yaml) {
		InForce.await(policies, tenant, TestPolicies.publish(tenant, yaml));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClockConfiguration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return CLOCK;
		}

	}

	/**
	 * Time stands still until the test moves it, as at a desk where nothing happens
	 * between two steps.
	 */
	protected static final class MovableClock extends Clock {

		private volatile Instant now = Instant.now();

		public void set(Instant instant) {
			now = instant;
		}

		/** 10:00 in Riyadh on {@code day}. */
		public void setDay(LocalDate day) {
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

	/**
	 * Whether the gateway fails this request to {@code to}, counting one failure down.
	 */
	private static boolean failOnce(String to) {
		boolean[] fail = { false };
		SMS_FAILURES.computeIfPresent(to, (key, left) -> {
			fail[0] = left != 0;
			return left > 0 ? left - 1 : left;
		});
		return fail[0];
	}

	private static HttpServer smsGateway() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/sms", exchange -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String to = SMS_FAILURES.keySet().stream().filter(body::contains).findFirst().orElse("");
				boolean fail = !to.isEmpty() && failOnce(to);
				SMS_REQUESTS.add(
						to + " " + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " " + (fail ? 500 : 202));
				if (!fail) {
					SMS.add(body);
				}
				exchange.sendResponseHeaders(fail ? 500 : 202, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

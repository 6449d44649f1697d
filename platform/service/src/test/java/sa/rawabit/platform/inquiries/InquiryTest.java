package sa.rawabit.platform.inquiries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/**
 * Inquiries through HTTP with a clock the test sets (to receive on a day before a weekend) and an
 * in-process SMTP server (GreenMail) that receives the answers sent by e-mail.
 */
@Import(InquiryTest.SettableClockConfiguration.class)
abstract class InquiryTest extends PlatformTest {

	static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

	static final SettableClock CLOCK = new SettableClock();

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		SMTP.start();
	}

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SettableClockConfiguration {

		@Bean
		@Primary
		SettableClock settableClock() {
			return CLOCK;
		}
	}

	/** Stands still at what the test set, as at a desk where nothing happens between two steps. */
	static final class SettableClock extends Clock {

		private volatile Instant now = Instant.now();

		/** 10:00 in Riyadh on {@code day}. */
		void setDay(LocalDate day) {
			now = day.atTime(10, 0).atZone(RIYADH).toInstant();
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
	 * Samtah's seed, plus what its text asks for but does not spell out: a contact officer per category
	 * and field, and an answer deadline of 3 working days from receipt (warned 1 day ahead).
	 */
	static String samtahWithContactOfficers(String slug) {
		return SeedPolicies.get("samtah-cooperative").yaml()
			.replaceFirst("(?m)^  slug: .*$", "  slug: " + slug)
			.replace("""
					deadlines:
					""", """
					deadlines:
					  - id: inquiry-answer
					    starts-at: request-received
					    maximum: 3
					    unit: working-days
					    warn-before: 1
					""")
			.replace("""
					contact-officers:
					  fallback: contact-officer
					""", """
					contact-officers:
					  assignments:
					    - { category: orphans, field: education, staff: huda }
					    - { category: orphans, role: social-researcher }
					    - { field: health, role: relations-officer }
					  fallback: contact-officer
					""");
	}

	/** A new association whose policy in force is {@link #samtahWithContactOfficers}. */
	TestTenants.TestTenant association(String prefix) {
		var tenant = TestTenants.register(prefix);
		publish(tenant.id(), samtahWithContactOfficers(tenant.slug()));
		return tenant;
	}

	/** Publishes and waits until this replica serves the version, so the next request sees it. */
	void publish(TenantId tenant, String yaml) {
		UUID version = TestPolicies.publish(tenant, yaml);
		policies.inForce(tenant)
			.filter(loaded -> loaded.version().value().equals(version))
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(20)))
			.timeout(Duration.ofSeconds(10))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	/** The first column of the first row of {@code sql}, read as the platform's role inside {@code tenant}. */
	static String query(TenantId tenant, String sql) {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			try (PreparedStatement scope = platform.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				scope.setString(1, tenant.value().toString());
				scope.execute();
			}
			try (ResultSet rows = platform.createStatement().executeQuery(sql)) {
				String value = rows.next() ? rows.getString(1) : null;
				platform.rollback();
				return value;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	WebTestClient as(String slug, String... roles) {
		return web.mutateWith(TestTokens.staff(slug, roles));
	}

	/** Logs an anonymous inquiry by phone, answered by e-mail; returns the created inquiry. */
	@SuppressWarnings("unchecked")
	Map<String, Object> log(String slug, String role, String category, String field) {
		return as(slug, role).post()
			.uri("/api/inquiries")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "phone", "question", "ما شروط الاستفادة من برنامج الدعم؟", "category",
					category, "field", field, "contact",
					Map.of("name", "سائل", "channel", "email", "email", "asker@example.sa")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}
}

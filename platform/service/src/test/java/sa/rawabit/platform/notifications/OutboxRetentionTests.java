package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * The outbox keeps its replay window: the purge deletes what is older (and every reaction
 * has passed), keeps what is newer, and a stream asking to replay from before the window
 * is told {@code replay-gap} before the events that are still there.
 */
class OutboxRetentionTests extends PlatformTest {

	static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient web;

	@Autowired
	Outbox outbox;

	@Autowired
	Transactions transactions;

	@Autowired
	OutboxPurge purge;

	@Autowired
	PoliciesInForce policies;

	@Test
	void purgeWhenRowsOutsideTheWindowThenOnlyThoseGoAndAStaleStreamIsToldReplayGap() throws Exception {
		TestTenant association = TestTenants.register("retention");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtah());
		List<Long> old = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			old.add(publish(association));
		}
		long kept = publish(association);
		age(old, Duration.ofDays(8));

		// The reactions walk past these rows (they carry no typed event) on their next
		// turn; a reaction whose
		// lease a paused test context still holds is taken over when the lease runs out.
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (count(association, "select count(*) from app.outbox where id = any(?)", old) > 0
				&& System.nanoTime() < deadline) {
			purge.purge().block();
			Thread.sleep(200);
		}
		assertThat(count(association, "select count(*) from app.outbox where id = any(?)", old)).isZero();
		assertThat(count(association, "select count(*) from app.outbox where id = any(?)", List.of(kept))).isOne();
		assertThat(count(association, "select purged_through from app.outbox_purge where purged_through >= ?",
				List.of(old.getLast())))
			.isEqualTo(old.getLast());

		web.mutate()
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.mutateWith(TestTokens.staff(association.slug(), "follow-up-committee"))
			.get()
			.uri("/api/stream")
			.header("Last-Event-ID", Long.toString(old.getFirst() - 1))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENTS)
			.getResponseBody()
			.filter(event -> event.id() != null)
			.as(StepVerifier::create)
			.assertNext(event -> assertThat(event.event()).isEqualTo("replay-gap"))
			.assertNext(event -> assertThat(event.id()).isEqualTo(Long.toString(kept)))
			.thenCancel()
			.verify(Duration.ofSeconds(60));
	}

	@Test
	void retentionWhenBelowADayThenRefused() {
		assertThatThrownBy(() -> new NotificationsProperties.Retention(Duration.ofHours(23), Duration.ofHours(1)))
			.hasMessageContaining("at least 24h");
		assertThat(new NotificationsProperties.Retention(Duration.ofHours(24), Duration.ofHours(1)).window())
			.isEqualTo(Duration.ofHours(24));
	}

	private long publish(TestTenant association) {
		return transactions
			.inTenant(outbox.publish(new OutboxEvent("test.retention", "test", UUID.randomUUID(),
					Set.of("follow-up-committee"), Map.of())))
			.contextWrite(TenantContext.of(association.id()))
			.block();
	}

	private static void age(List<Long> ids, Duration by) throws Exception {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement update = superuser.prepareStatement(
						"update app.outbox set occurred_at = occurred_at - ?::interval where id = any(?)")) {
			update.setString(1, by.toSeconds() + " seconds");
			update.setArray(2, superuser.createArrayOf("bigint", ids.toArray()));
			update.executeUpdate();
		}
	}

	private static long count(TestTenant association, String sql, List<Long> ids) throws Exception {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement query = superuser.prepareStatement(sql)) {
			if (sql.contains("any(?)")) {
				query.setArray(1, superuser.createArrayOf("bigint", ids.toArray()));
			}
			else {
				query.setLong(1, ids.getFirst());
			}
			try (var rows = query.executeQuery()) {
				return rows.next() ? rows.getLong(1) : 0;
			}
		}
	}

}

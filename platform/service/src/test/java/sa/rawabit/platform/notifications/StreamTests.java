package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * Staff streams: replay without loss or duplicates, isolation, slow clients, suspension.
 */
class StreamTests extends PlatformTest {

	static final String COMMITTEE = "follow-up-committee";

	static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	Streams streams;

	@Autowired
	Outbox outbox;

	@Autowired
	Transactions transactions;

	@Test
	void streamWhenReconnectedWithLastEventIdThenFiftyMissedComplaintsArriveOnceInOrder() {
		TestTenant association = association("replay");
		// Seen on a first connection, which then drops.
		long lastSeen = lastEventIdOf(association.slug(), file(web, association.slug()));

		List<String> missed = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			missed.add(file(web, association.slug()));
		}

		List<String> received = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		stream(web, association.slug(), Long.toString(lastSeen)).as(StepVerifier::create)
			.thenConsumeWhile(event -> received.size() < 49, event -> {
				received.add(subjectOf(event));
				ids.add(Long.parseLong(event.id()));
			})
			.consumeNextWith(event -> received.add(subjectOf(event)))
			.expectNoEvent(Duration.ofSeconds(1))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
		assertThat(received).containsExactlyElementsOf(missed);
		assertThat(ids).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void streamWhenAnEventArrivesThenItSaysWhenItOccurredToTheMicrosecondTheRowDoes() throws Exception {
		TestTenant association = association("occurred");
		String complaint = file(web, association.slug());

		ServerSentEvent<String> event = stream(web, association.slug(), "0")
			.filter(each -> subjectOf(each).equals(complaint))
			.blockFirst(Duration.ofSeconds(10));

		String data = event.data();
		int at = data.indexOf("\"occurredAt\":\"") + 14;
		try (Connection sql = TestDatabase.get().connectAsSuperuser();
				PreparedStatement row = sql.prepareStatement("select occurred_at from app.outbox where id = ?")) {
			row.setLong(1, Long.parseLong(event.id()));
			try (ResultSet read = row.executeQuery()) {
				assertThat(read.next()).isTrue();
				Instant stored = read.getObject(1, OffsetDateTime.class).toInstant();
				assertThat(data.substring(at, data.indexOf('"', at))).isEqualTo(stored.toString());
			}
		}
	}

	@Test
	void streamWhenOtherAssociationsEventIdGivenThenOnlyOwnEventsArrive() {
		TestTenant a = association("isolation-a");
		TestTenant b = association("isolation-b");
		String ofA = file(web, a.slug());
		long idOfA = lastEventIdOf(a.slug(), ofA);
		List<String> filedInB = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<String> seen = new ArrayList<>();

		stream(web, b.slug(), Long.toString(idOfA - 1)).as(StepVerifier::create).then(() -> Mono.fromRunnable(() -> {
			file(web, a.slug());
			filedInB.add(file(web, b.slug()));
			file(web, a.slug());
		}).subscribeOn(Schedulers.boundedElastic()).subscribe())
			.consumeNextWith(event -> seen.add(subjectOf(event)))
			.expectNoEvent(Duration.ofSeconds(1))
			.thenCancel()
			.verify(Duration.ofSeconds(10));
		assertThat(seen).containsExactlyElementsOf(filedInB);
	}

	@Test
	void streamWhenClientTooSlowThenCutOffWhileOthersReceiveEverything() throws Exception {
		TestTenant association = association("slow");
		StaffMember member = new StaffMember("s", "slow", association.id(), association.slug(), Set.of(COMMITTEE));
		CompletableFuture<List<Frame>> fast = streams.of(member, null, null, 64)
			.filter(Frame::isOutboxEvent)
			.take(20)
			.collectList()
			.toFuture();

		StepVerifier.create(streams.of(member, null, null, 8), 0)
			.expectSubscription()
			.then(() -> publish(association, 20).subscribe())
			.expectError(Streams.SlowConsumerException.class)
			.verify(Duration.ofSeconds(10));
		assertThat(fast.get(10, TimeUnit.SECONDS)).hasSize(20);
	}

	@Test
	void streamWhenAssociationSuspendedThenTerminalEventAndEnd() {
		TestTenant association = association("suspended-stream");
		web.mutateWith(TestTokens.staff(association.slug(), COMMITTEE))
			.get()
			.uri("/api/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENTS)
			.getResponseBody()
			.filter(event -> event.event() != null)
			.as(StepVerifier::create)
			.then(() -> TestTenants.setStatus(association.id(), "suspended"))
			.assertNext(event -> assertThat(event.event()).isEqualTo("association-suspended"))
			.expectComplete()
			.verify(Duration.ofSeconds(15));
	}

	private Mono<Void> publish(TestTenant association, int count) {
		return transactions
			.inTenant(Flux.range(0, count)
				.concatMap(i -> outbox.publish(
						new OutboxEvent("test.slow", "test", UUID.randomUUID(), Set.of(COMMITTEE), Map.of("i", i))))
				.then())
			.contextWrite(TenantContext.of(association.id()));
	}

	private TestTenant association(String prefix) {
		TestTenant association = TestTenants.register(prefix);
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtah());
		return association;
	}

	static Flux<ServerSentEvent<String>> stream(WebTestClient client, String slug, String lastEventId) {
		return client.mutateWith(TestTokens.staff(slug, COMMITTEE)).get().uri("/api/stream").headers(headers -> {
			if (lastEventId != null) {
				headers.set("Last-Event-ID", lastEventId);
			}
		})
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENTS)
			.getResponseBody()
			.filter(event -> event.id() != null);
	}

	/** Logs a complaint as staff; its id. */
	static String file(WebTestClient client, String slug) {
		return (String) client.mutateWith(TestTokens.staff(slug, COMMITTEE))
			.post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "fax", "name", "مستفيد", "subject", "شكوى", "description", "نص"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	static String subjectOf(ServerSentEvent<String> event) {
		String data = event.data();
		int at = data.indexOf("\"subjectId\":\"") + 13;
		return data.substring(at, data.indexOf('"', at));
	}

	/** The event id of a complaint's filing, as the stream with full replay shows it. */
	private long lastEventIdOf(String slug, String complaint) {
		return stream(web, slug, "0").filter(event -> subjectOf(event).equals(complaint))
			.next()
			.map(event -> Long.parseLong(event.id()))
			.block(Duration.ofSeconds(10));
	}

}

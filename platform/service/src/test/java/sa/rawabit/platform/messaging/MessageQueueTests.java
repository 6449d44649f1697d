package sa.rawabit.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.DeskTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * The durable message queue against a real PostgreSQL, a real SMTP server (GreenMail) and
 * an SMS webhook that fails on demand: retries with backoff, every attempt recorded, one
 * idempotency key per message, "not sent" on the owners' live stream after the last
 * attempt, and each association's messages its own.
 */
class MessageQueueTests extends DeskTest {

	static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
	};

	static final String OFFICER = "relations-officer";

	@Autowired
	BeneficiaryMessenger messenger;

	@Autowired
	Transactions transactions;

	@Test
	void smsWhenGatewayFailsThreeTimesThenDeliveredOnceAfterFourAttemptsWithOneKey() throws Exception {
		TenantId tenant = TestTenants.create("sms-retry");
		String phone = phone();
		SMS_FAILURES.put(phone, 3);

		MessageId id = queue(tenant, new Recipient("phone", phone, null, true));

		assertThat(awaitSettled(tenant, id)).isEqualTo("sent");
		assertThat(attempts(tenant, id)).containsExactly("1:failed", "2:failed", "3:failed", "4:sent");
		assertThat(SMS.stream().filter(body -> body.contains(phone))).hasSize(1);
		assertThat(SMS_REQUESTS.stream().filter(request -> request.startsWith(phone + " "))).containsExactly(
				phone + " " + id.value() + " 500", phone + " " + id.value() + " 500", phone + " " + id.value() + " 500",
				phone + " " + id.value() + " 202");
	}

	@Test
	void smsWhenGatewayAlwaysFailsThenNotSentReachesTheOwnersStream() throws Exception {
		TestTenant association = TestTenants.register("sms-not-sent");
		publishInForce(association.id(),
				SeedPolicies.get("samtah-cooperative").yaml().replace("samtah-cooperative", association.slug()));
		String phone = phone();
		SMS_FAILURES.put(phone, -1);
		UUID about = UUID.randomUUID();

		web.mutate()
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.mutateWith(TestTokens.staff(association.slug(), OFFICER))
			.get()
			.uri("/api/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENTS)
			.getResponseBody()
			.filter(event -> "message.not-sent".equals(event.event()))
			.as(StepVerifier::create)
			.then(() -> Mono
				.fromRunnable(() -> queue(association.id(), new Recipient("phone", phone, null, true), about))
				.subscribeOn(Schedulers.boundedElastic())
				.subscribe())
			.assertNext(event -> assertThat(event.data()).contains(about.toString(), "\"attempts\":4", "phone"))
			.thenCancel()
			.verify(Duration.ofSeconds(30));
		assertThat(SMS.stream().filter(body -> body.contains(phone))).isEmpty();
	}

	@Test
	void emailWhenQueuedThenGreenMailSeesOneMessageCarryingTheMessageIdAsKey() throws Exception {
		TenantId tenant = TestTenants.create("mail-once");
		String address = "beneficiary-" + UUID.randomUUID() + "@example.sa";

		MessageId id = queue(tenant, new Recipient("email", null, address, true));

		assertThat(awaitSettled(tenant, id)).isEqualTo("sent");
		List<MimeMessage> received = Arrays.stream(SMTP.getReceivedMessages())
			.filter(message -> recipient(message).equals(address))
			.toList();
		assertThat(received).hasSize(1);
		assertThat(received.getFirst().getMessageID()).isEqualTo("<" + id.value() + "@rawabit.sa>");
	}

	@Test
	void messageWhenOtherAssociationOrNoneSetThenInvisible() throws Exception {
		TenantId a = TestTenants.create("queue-a");
		TenantId b = TestTenants.create("queue-b");
		MessageId ofA = queue(a, new Recipient("email", null, "a-" + UUID.randomUUID() + "@example.sa", true));
		MessageId ofB = queue(b, new Recipient("email", null, "b-" + UUID.randomUUID() + "@example.sa", true));
		awaitSettled(a, ofA);

		assertThat(ids(a)).contains(ofA.value().toString()).doesNotContain(ofB.value().toString());
		assertThat(ids(b)).contains(ofB.value().toString()).doesNotContain(ofA.value().toString());
		assertThat(ids(null)).isEmpty();
		assertThat(query(a,
				"select count(*) from app.beneficiary_message_attempt where message_id = '" + ofB.value() + "'"))
			.containsExactly("0");
	}

	private MessageId queue(TenantId tenant, Recipient to) {
		return queue(tenant, to, UUID.randomUUID());
	}

	private MessageId queue(TenantId tenant, Recipient to, UUID about) {
		var message = new Outgoing("test.probe", UUID.randomUUID(), "request", about, Set.of(OFFICER), to, "اختبار",
				"رسالة اختبار");
		Told told = transactions.inTenant(messenger.tell(message)).contextWrite(TenantContext.of(tenant)).block();
		assertThat(told.outcome()).isEqualTo("queued");
		return told.message();
	}

	private static String phone() {
		return "+9665"
				+ String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
	}

	/** Waits for the sender to settle the message; its final state. */
	private static String awaitSettled(TenantId tenant, MessageId id) throws Exception {
		String sql = "select state from app.beneficiary_message where id = '" + id.value() + "'";
		for (int i = 0; i < 200; i++) {
			List<String> state = query(tenant, sql);
			if (!state.isEmpty() && !state.getFirst().equals("queued")) {
				return state.getFirst();
			}
			Thread.sleep(50);
		}
		return query(tenant, sql).getFirst();
	}

	private static List<String> attempts(TenantId tenant, MessageId id) throws SQLException {
		return query(tenant, "select number || ':' || outcome from app.beneficiary_message_attempt where message_id = '"
				+ id.value() + "' order by number");
	}

	private static List<String> ids(TenantId tenant) throws SQLException {
		return query(tenant, "select id::text from app.beneficiary_message");
	}

	/** As the platform's role, inside {@code tenant} (none: no association set). */
	private static List<String> query(TenantId tenant, String sql) throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			if (tenant != null) {
				try (PreparedStatement scope = platform
					.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
					scope.setString(1, tenant.toString());
					scope.executeQuery().close();
				}
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rows = platform.createStatement().executeQuery(sql)) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
			platform.commit();
			return values;
		}
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

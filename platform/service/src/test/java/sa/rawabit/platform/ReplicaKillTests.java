package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.rawabit.platform.bench.BenchReplica;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestDatabase.StoppableServer;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Real crashes: a replica in its own process is killed with SIGKILL (no shutdown hook, no
 * drain) in the middle of its work, and what it had acknowledged or taken on is checked
 * in the database and, where it was sending, at the receiving end after another replica
 * starts. A dedicated PostgreSQL keeps the other test classes' replicas (their message
 * senders poll every association) away from these rows.
 */
class ReplicaKillTests {

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private static final String COMPLAINT = "{\"channel\":\"fax\",\"name\":\"مستفيد\",\"subject\":\"شكوى\","
			+ "\"description\":\"نص الشكوى\"}";

	@TempDir
	static Path data;

	static StoppableServer server;

	@BeforeAll
	static void dedicatedDatabase() {
		server = TestDatabase.dedicated(data);
	}

	@AfterAll
	static void stopDatabase() {
		server.close();
	}

	@Test
	void complaintsWhenReplicaKilledUnderLoadThenEveryAcknowledgedOneIsStoredWithItsEvents() throws Exception {
		BenchReplica replica = BenchReplica.start(server.database(), List.of());
		Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
		try {
			TestTenant association = TestTenants.register(server.database(), "killed");
			TestPolicies.publish(server.database(), association.id(), ComplaintPolicies.samtah());
			String token = replica.token(association.slug(), "relations-officer");
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			await("the replica has the policy in force and files", Duration.ofSeconds(60),
					() -> file(http, replica, token) != null);

			List<Thread> filers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				filers.add(Thread.ofPlatform().start(() -> {
					UUID id;
					while ((id = file(http, replica, token)) != null) {
						acknowledged.add(id);
					}
				}));
			}
			await("filings are being acknowledged", Duration.ofSeconds(60), () -> acknowledged.size() >= 40);
			replica.kill();
			for (Thread filer : filers) {
				filer.join(TimeUnit.SECONDS.toMillis(30));
			}

			try (Connection sql = server.database().connectAsSuperuser()) {
				UUID tenant = association.id().value();
				System.out.printf("[kill] %d complaints acknowledged before SIGKILL, %d stored%n", acknowledged.size(),
						ids(sql, "select id from app.complaint where tenant_id = ?", tenant).size());
				assertThat(ids(sql, "select id from app.complaint where tenant_id = ?", tenant))
					.as("every complaint answered 201 before the kill is stored")
					.containsAll(acknowledged);
				assertThat(ids(sql,
						"select subject_id from app.outbox where tenant_id = ? and topic = 'complaint.filed'", tenant))
					.as("with its live event")
					.containsAll(acknowledged);
				assertThat(ids(sql,
						"select subject_id from app.audit_event where tenant_id = ? and action = 'complaint.filed'",
						tenant))
					.as("and its audit event")
					.containsAll(acknowledged);
			}
		}
		finally {
			replica.kill();
		}
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);
	}

	@Test
	void messageWhenReplicaKilledWhileSendingThenNextReplicaSendsItWithTheSameKey() throws Exception {
		try (Webhook gateway = Webhook.start()) {
			List<String> arguments = List.of("--rawabit.messaging.sms-webhook=" + gateway.uri(),
					"--rawabit.messaging.timeout=60s", "--rawabit.messaging.queue.poll=200ms",
					"--rawabit.messaging.queue.lease=3s");
			TestTenant association = TestTenants.register(server.database(), "killed-sender");
			UUID message = UUID.randomUUID();
			BenchReplica first = BenchReplica.start(server.database(), arguments);
			try {
				queue(association, message);
				await("the first replica is sending", Duration.ofSeconds(60), () -> !gateway.keys().isEmpty());
			}
			finally {
				first.kill();
			}
			gateway.answer();

			BenchReplica second = BenchReplica.start(server.database(), arguments);
			try (Connection sql = server.database().connectAsSuperuser()) {
				await("the next replica sent it", Duration.ofSeconds(60), () -> "sent".equals(state(sql, message)));
				System.out.println("[kill] idempotency keys the gateway saw: " + gateway.keys());
				assertThat(gateway.keys()).as("one message, the same idempotency key on both tries")
					.containsExactly(message.toString(), message.toString());
				assertThat(ids(sql, "select message_id from app.beneficiary_message_attempt where tenant_id = ?"
						+ " and outcome = 'sent'", association.id().value()))
					.containsExactly(message);
			}
			finally {
				second.close();
			}
		}
	}

	/**
	 * Files one complaint; its id when answered 201, null when the replica is gone or
	 * refused it.
	 */
	private static UUID file(HttpClient http, BenchReplica replica, String token) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create(replica.base() + "/api/complaints"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(COMPLAINT))
					.build(), HttpResponse.BodyHandlers.ofString());
			Matcher id = ID.matcher(response.body());
			return response.statusCode() == 201 && id.find() ? UUID.fromString(id.group(1)) : null;
		}
		catch (IOException | InterruptedException gone) {
			return null;
		}
	}

	/**
	 * A message as a decision's transaction queues it (MessageQueue.enqueue), due now.
	 */
	private static void queue(TestTenant association, UUID message) throws SQLException {
		try (Connection sql = server.database().connectAsSuperuser();
				PreparedStatement insert = sql.prepareStatement("""
						insert into app.beneficiary_message (tenant_id, id, purpose, reference, about_type, about_id,
						    channel, address, subject, body, next_attempt_at, created_at)
						values (?, ?, 'request.decided', ?, 'request', ?, 'phone', '+966500000001', 'قرار طلبك',
						    'صدر قرار لجنة البحث في طلبك', now(), now())""")) {
			insert.setObject(1, association.id().value());
			insert.setObject(2, message);
			insert.setObject(3, UUID.randomUUID());
			insert.setObject(4, UUID.randomUUID());
			insert.executeUpdate();
		}
	}

	private static String state(Connection sql, UUID message) {
		try (PreparedStatement select = sql
			.prepareStatement("select state from app.beneficiary_message where id = ?")) {
			select.setObject(1, message);
			try (ResultSet row = select.executeQuery()) {
				return row.next() ? row.getString(1) : null;
			}
		}
		catch (SQLException failed) {
			throw new IllegalStateException(failed);
		}
	}

	private static Set<UUID> ids(Connection sql, String query, UUID tenant) throws SQLException {
		Set<UUID> ids = new HashSet<>();
		try (PreparedStatement select = sql.prepareStatement(query)) {
			select.setObject(1, tenant);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getObject(1, UUID.class));
				}
			}
		}
		return ids;
	}

	private static void await(String what, Duration within, BooleanSupplier done) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (!done.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %s for: %s", within, what).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	/**
	 * An SMS gateway that records each request's idempotency key and, until
	 * {@link #answer}, never answers (the sender is caught in the middle of its call);
	 * then answers 200.
	 */
	private static final class Webhook implements AutoCloseable {

		private final HttpServer http;

		private final List<String> keys = new CopyOnWriteArrayList<>();

		private final CountDownLatch answering = new CountDownLatch(1);

		private Webhook(HttpServer http) {
			this.http = http;
		}

		static Webhook start() throws IOException {
			HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			Webhook webhook = new Webhook(http);
			http.createContext("/sms", exchange -> {
				exchange.getRequestBody().readAllBytes();
				webhook.keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
				try {
					webhook.answering.await();
				}
				catch (InterruptedException stopping) {
					Thread.currentThread().interrupt();
				}
				byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, ok.length);
				exchange.getResponseBody().write(ok);
				exchange.close();
			});
			http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			http.start();
			return webhook;
		}

		URI uri() {
			return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/sms");
		}

		List<String> keys() {
			return keys;
		}

		void answer() {
			answering.countDown();
		}

		@Override
		public void close() {
			answering.countDown();
			http.stop(0);
		}

	}

}

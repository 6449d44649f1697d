package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestTenants;

/**
 * Streams over a real socket to the real server, where frames are written straight onto
 * the Netty channel ({@link ChannelStream}; the mock exchanges of {@code StreamTests}
 * take the Reactor path): the opening comment first, the missed events then the live ones
 * with no gap or duplicate, a client that stops reading cut off while another receives
 * everything, and a suspended association's terminal event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChannelStreamTests {

	static final String SLUG = "thimar-alkhair";

	static final String TOPIC = "test.channel";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.PLATFORM);
		registry.add("rawabit.security.issuer", () -> TestKeycloak.get().issuer());
		registry.add("rawabit.updates.scanning", () -> "false");
		registry.add("rawabit.notifications.status-check", () -> "500ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	Transactions transactions;

	@Autowired
	LiveStreams live;

	TenantId association;

	StreamFixtures fixtures;

	String token;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void association() {
		association = TestTenants.ensure(SLUG);
		token = TestKeycloak.get().tokenFor(SLUG + ".follow-up-committee", TestKeycloak.DEMO_PASSWORD);
		fixtures = new StreamFixtures(outbox, transactions, live, association, TOPIC);
	}

	@Test
	void streamWhenReconnectedThenOpeningFirstMissedThenLiveOnceInOrder() throws Exception {
		long seen = fixtures.publish(1, 10).getFirst();
		List<Long> missed = fixtures.publish(50, 10);
		BlockingQueue<String> lines = open("/api/stream", seen);

		assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");
		assertThat(ids(lines, 50)).containsExactlyElementsOf(missed);
		List<Long> later = fixtures.publish(20, 10);
		assertThat(ids(lines, 20)).containsExactlyElementsOf(later);
		assertThat(ids(lines, 1, Duration.ofSeconds(1))).as("nothing twice").isEmpty();
	}

	@Test
	void streamWhenClientStopsReadingThenCutOffWhileAFastOneReceivesEverything() throws Exception {
		int before = live.size();
		BlockingQueue<String> fast = open("/api/stream", null);
		assertThat(fast.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");
		try (Socket slow = new Socket()) {
			slow.setReceiveBufferSize(4096);
			slow.connect(new InetSocketAddress("127.0.0.1", port));
			OutputStream request = slow.getOutputStream();
			request.write(("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
					+ "Authorization: Bearer " + token + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			request.flush();
			fixtures.awaitStreams(before + 2);

			// 6 MB: more than the kernel's socket buffers and the stream's 128 KB
			// high-water mark together.
			List<Long> published = fixtures.publish(6_000, 1_000);
			assertThat(ids(fast, published.size())).containsExactlyElementsOf(published);
			fixtures.awaitStreams(before + 1);

			slow.setSoTimeout(20_000);
			String received = readToEnd(slow.getInputStream());
			assertThat(received).startsWith("HTTP/1.1 200")
				.contains(":connected")
				.as("the response ended as a normal chunked response")
				.endsWith("\r\n0\r\n\r\n");
			long delivered = received.lines().filter(line -> line.startsWith("event:" + TOPIC)).count();
			assertThat(delivered).as("events the slow client got before it was cut off").isLessThan(published.size());
		}
	}

	@Test
	void streamWhenAssociationSuspendedThenTerminalEventAndEnd() throws Exception {
		BlockingQueue<String> lines = open("/api/stream", null);
		assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");
		try {
			TestTenants.setStatus(association, "suspended");
			assertThat(Stream.generate(() -> take(lines)).filter(line -> line.startsWith("event:")).findFirst())
				.contains("event:association-suspended");
			assertThat(Stream.generate(() -> take(lines)).filter(line -> line.equals(END)).findFirst()).isPresent();
		}
		finally {
			TestTenants.setStatus(association, "active");
		}
	}

	private static final String END = "<end>";

	/** The response's lines as they arrive; {@value #END} when it ends. */
	private BlockingQueue<String> open(String path, Long lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", Long.toString(lastEventId));
		}
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request.build(),
				HttpResponse.BodyHandlers.ofLines());
		Thread.ofVirtual().start(() -> {
			try (Stream<String> body = response.join().body()) {
				body.filter(line -> !line.isEmpty()).forEach(lines::add);
			}
			catch (RuntimeException closed) {
				// the test ended first
			}
			lines.add(END);
		});
		return lines;
	}

	/**
	 * The ids of the next {@code count} events of the test topic (fewer if they do not
	 * come in time).
	 */
	private static List<Long> ids(BlockingQueue<String> lines, int count) throws InterruptedException {
		return ids(lines, count, Duration.ofSeconds(30));
	}

	private static List<Long> ids(BlockingQueue<String> lines, int count, Duration within) throws InterruptedException {
		List<Long> ids = new java.util.ArrayList<>();
		long deadline = System.nanoTime() + within.toNanos();
		Long id = null;
		while (ids.size() < count && System.nanoTime() < deadline) {
			String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (line == null || line.equals(END)) {
				break;
			}
			if (line.startsWith("id:")) {
				id = Long.parseLong(line.substring(3));
			}
			else if (line.equals("event:" + TOPIC) && id != null) {
				ids.add(id);
			}
		}
		return ids;
	}

	private static String take(BlockingQueue<String> lines) {
		try {
			String line = lines.poll(15, TimeUnit.SECONDS);
			return line == null ? END : line;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return END;
		}
	}

	/**
	 * Reads until the chunked response's last chunk (the connection itself stays open for
	 * the next request).
	 */
	private static String readToEnd(InputStream in) throws Exception {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		String tail = "";
		int read;
		while (!tail.endsWith("\r\n0\r\n\r\n") && (read = in.read(buffer)) >= 0) {
			all.write(buffer, 0, read);
			String last = tail
					+ new String(buffer, Math.max(0, read - 16), Math.min(read, 16), StandardCharsets.ISO_8859_1);
			tail = last.substring(Math.max(0, last.length() - 16));
		}
		return all.toString(StandardCharsets.UTF_8);
	}

}

package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2FrameCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestTenants;

/**
 * Streams as HTTP/2 streams (h2c, prior knowledge) over one real connection to the real
 * server, as a load balancer that speaks HTTP/2 to its backends opens them: every stream
 * gets every event once and in order, and a stream whose reader stops taking bytes is cut
 * off while the others on the same connection go on. {@link ChannelStream} writes its
 * frames onto the stream's own child channel, whose codec turns them into DATA frames.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Http2StreamTests {

	static final String SLUG = "thimar-alkhair";

	static final String TOPIC = "test.multiplexed";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.PLATFORM);
		registry.add("rawabit.security.issuer", () -> TestKeycloak.get().issuer());
		registry.add("rawabit.updates.scanning", () -> "false");
		registry.add("server.http2.enabled", () -> "true");
	}

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	Transactions transactions;

	@Autowired
	LiveStreams live;

	@Autowired
	NotificationsProperties properties;

	TenantId association;

	StreamFixtures fixtures;

	String token;

	final ConnectionProvider oneConnection = ConnectionProvider.builder("h2-one")
		.maxConnections(1)
		.pendingAcquireMaxCount(-1)
		.build();

	final Disposable.Composite streams = Disposables.composite();

	HttpClient client;

	@BeforeEach
	void association() {
		association = TestTenants.ensure(SLUG);
		token = TestKeycloak.get().tokenFor(SLUG + ".follow-up-committee", TestKeycloak.DEMO_PASSWORD);
		fixtures = new StreamFixtures(outbox, transactions, live, association, TOPIC);
	}

	@AfterEach
	void close() {
		streams.dispose();
		oneConnection.disposeLater().block(Duration.ofSeconds(10));
	}

	@Test
	void streamsWhenManyOnOneHttp2ConnectionThenEachGetsEveryEventOnceInOrder() throws Exception {
		int before = live.size();
		List<Opened> opened = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			opened.add(open());
		}
		fixtures.awaitStreams(before + 100);
		List<Long> published = fixtures.publish(10, 100);

		for (Opened stream : opened) {
			assertThat(stream.ids(published.size())).containsExactlyElementsOf(published);
		}
		assertThat(opened)
			.allSatisfy(stream -> assertThat(stream.version).containsOnly(HttpVersion.valueOf("HTTP/2.0")));
		assertThat(opened.stream().flatMap(stream -> stream.connections.stream()).distinct())
			.as("one connection carries all the streams")
			.hasSize(1);
		Http2FrameCodec codec = opened.getFirst().connection.pipeline().get(Http2FrameCodec.class);
		assertThat(codec.connection().local().maxActiveStreams()).as("the server's SETTINGS_MAX_CONCURRENT_STREAMS")
			.isEqualTo(properties.streamsPerConnection());
	}

	@Test
	void streamWhenItsReaderStopsThenCutOffWhileAnotherOnTheSameConnectionGetsEverything() throws Exception {
		int before = live.size();
		Opened fast = open();
		fixtures.awaitStreams(before + 1);
		// As browsers do (Chromium: 6 MB a stream, 15 MB the connection), the client
		// takes more than HTTP/2's default 64 KB on a stream, and more still on the
		// connection, so the bytes the stalled stream leaves unread do not stall the
		// others.
		fast.connection.writeAndFlush(new DefaultHttp2WindowUpdateFrame(16 << 20)).sync();
		BaseSubscriber<String> stalled = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				subscription.request(1);
			}
		};
		streams.add(stalled);
		client().get().uri("/api/stream").responseContent().asString().subscribe(stalled);
		fixtures.awaitStreams(before + 2);

		// 3 MB in batches the fast reader keeps up with: more than the stalled stream's
		// 2 MB window and its 128 KB high-water mark together.
		List<Long> published = new ArrayList<>();
		for (int batch = 0; batch < 30; batch++) {
			published.addAll(fixtures.publish(100, 1_000));
			assertThat(fast.ids(published.size())).hasSize(published.size());
		}
		assertThat(fast.ids).containsExactlyElementsOf(published);
		fixtures.awaitStreams(before + 1);
	}

	@Test
	void requestWhenHttp11ClientOffersTheUpgradeWithABodyThenAnsweredOverHttp2() throws Exception {
		// Java's HttpClient offers h2c on a connection's first request, body and all;
		// Netty reads the body whole before it upgrades, and answered 413 to any body
		// while its limit was 0.
		java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/complaints"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + "x".repeat(2_000) + "\"}"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(answer.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
		assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 412);
		assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
	}

	/**
	 * One client for every stream: a client configured anew per request is a pool of its
	 * own, with a connection of its own.
	 */
	private HttpClient client() {
		if (client == null) {
			client = HttpClient.create(oneConnection)
				.protocol(HttpProtocol.H2C)
				.http2Settings(settings -> settings.initialWindowSize(2 << 20))
				.baseUrl("http://127.0.0.1:" + port)
				.headers(headers -> headers.set("Authorization", "Bearer " + token).set("Accept", "text/event-stream"));
		}
		return client;
	}

	private Opened open() {
		Opened opened = new Opened();
		streams.add(client().get().uri("/api/stream").responseConnection((response, connection) -> {
			opened.version.add(response.version());
			opened.connection = connection.channel().parent() == null ? connection.channel()
					: connection.channel().parent();
			opened.connections.add(opened.connection.id().asLongText());
			return connection.inbound().receive().asString();
		}).subscribe(opened::accept, error -> opened.ended = error));
		return opened;
	}

	/** One stream's event ids as they arrive (a chunk may end mid-line). */
	static final class Opened {

		final List<HttpVersion> version = new CopyOnWriteArrayList<>();

		final Set<String> connections = ConcurrentHashMap.newKeySet();

		final List<Long> ids = new CopyOnWriteArrayList<>();

		private final StringBuilder pending = new StringBuilder();

		private Long id;

		volatile Channel connection;

		volatile Throwable ended;

		synchronized void accept(String chunk) {
			pending.append(chunk);
			int newline;
			while ((newline = pending.indexOf("\n")) >= 0) {
				String line = pending.substring(0, newline);
				pending.delete(0, newline + 1);
				if (line.startsWith("id:")) {
					id = Long.parseLong(line.substring(3));
				}
				else if (line.equals("event:" + TOPIC) && id != null) {
					ids.add(id);
				}
			}
		}

		List<Long> ids(int count) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (ids.size() < count && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			Thread.sleep(200);
			return ids;
		}

	}

}

package sa.rawabit.platform.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.testing.BrowserlessLogin;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestProxy;
import sa.rawabit.testing.TestTenants;

/**
 * Identity changes reach two replicas behind the load balancer, against the real
 * Keycloak: when tenant-admin removes or re-roles a member (it records the change in
 * {@code control.staff_revocation}), their API calls, page sessions and live streams stop
 * within 60 s; when Keycloak ends a person's session, its back-channel logout ends their
 * page sessions on every replica at once. Times to effect are printed.
 */
class IdentityChangesE2ETests {

	static final String THIMAR = "thimar-alkhair";

	static final Duration BOUND = Duration.ofSeconds(60);

	static Replicas replicas;

	static TestProxy proxy;

	static TenantId thimar;

	@BeforeAll
	static void twoReplicasBehindNginx() {
		thimar = TestTenants.ensure(THIMAR);
		replicas = new Replicas(2);
		proxy = TestProxy.roundRobin(replicas.ports());
		TestKeycloak.get().allowRedirect("rawabit-platform", proxy.base() + "*");
		TestKeycloak.get().backChannelLogout("rawabit-platform", proxy.base() + "logout/connect/back-channel/keycloak");
		replicas.thimarPolicyInForce(thimar);
	}

	@AfterAll
	static void stop() {
		TestKeycloak.get().backChannelLogout("rawabit-platform", "");
		proxy.close();
		replicas.close();
	}

	@AfterEach
	void forgetRevocations() throws Exception {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement delete = superuser
					.prepareStatement("delete from control.staff_revocation where tenant_id = ?")) {
			delete.setObject(1, thimar.value());
			delete.executeUpdate();
		}
	}

	@Test
	void memberWhenRemovedOrReRoledThenApiPagesAndStreamRefusedWithinAMinute() throws Exception {
		String username = THIMAR + ".contact-officer";
		String token = TestKeycloak.get().tokenFor(username, TestKeycloak.DEMO_PASSWORD);
		BrowserlessLogin browser = new BrowserlessLogin();
		assertThat(browser.signIn(proxy.base().resolve("/policy"), username, TestKeycloak.DEMO_PASSWORD).statusCode())
			.isEqualTo(200);
		assertThat(api(browser, token).statusCode()).isEqualTo(200);
		CompletableFuture<String> streamEnd = CompletableFuture.supplyAsync(() -> {
			HttpResponse<Stream<String>> stream = browser
				.send(HttpRequest.newBuilder(proxy.base().resolve("/api/stream"))
					.header("Authorization", "Bearer " + token)
					.header("Accept", "text/event-stream")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofLines());
			return stream.body().filter(line -> line.startsWith("event:credential-ended")).findFirst().orElse("closed");
		});
		Thread.sleep(1_100); // tokens carry whole seconds: the change comes in a later
								// second than the sign-in

		long changed = System.nanoTime();
		revoke(TestKeycloak.get().userId(username));

		// Each replica learns of the change on its own poll: two tokens refused in a row
		// are both replicas' (round robin). The page session, kept in Redis, ends on the
		// first.
		Duration api = until(changed,
				() -> api(browser, token).statusCode() == 401 && api(browser, token).statusCode() == 401);
		Duration pages = until(changed, () -> browser.once(proxy.base().resolve("/policy")).statusCode() == 303);
		String ended = streamEnd.get(BOUND.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		Duration stream = Duration.ofNanos(System.nanoTime() - changed);
		System.out.printf("[rawabit] removal took effect: API %d ms, pages %d ms, stream %d ms%n", api.toMillis(),
				pages.toMillis(), stream.toMillis());

		assertThat(ended).isEqualTo("event:credential-ended");
		assertThat(api).isLessThan(BOUND);
		assertThat(pages).isLessThan(BOUND);
		assertThat(stream).isLessThan(BOUND);
		assertThat(api(browser, token).body()).contains("urn:rawabit:problem:credential-revoked");
		// A new sign-in carries what Keycloak holds now (here: unchanged), so it is
		// admitted again.
		assertThat(browser.get(proxy.base().resolve("/policy")).statusCode()).isEqualTo(200);
		assertThat(api(browser, TestKeycloak.get().tokenFor(username, TestKeycloak.DEMO_PASSWORD)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void keycloakSessionWhenEndedThenPageSessionsEndOnEveryReplica() {
		String username = THIMAR + ".research-committee";
		BrowserlessLogin browser = new BrowserlessLogin();
		assertThat(browser.signIn(proxy.base().resolve("/policy"), username, TestKeycloak.DEMO_PASSWORD).statusCode())
			.isEqualTo(200);
		for (int i = 0; i < 4; i++) { // both replicas serve the session
			HttpResponse<String> page = browser.once(proxy.base().resolve("/policy"));
			// The answer's problem, if any, says which store did not answer in time.
			assertThat(page.statusCode()).as("%s %s", page.headers().map(), page.body()).isEqualTo(200);
		}

		long ended = System.nanoTime();
		TestKeycloak.get().endSessions(username);
		Duration gone = until(ended, () -> {
			HttpResponse<String> first = browser.once(proxy.base().resolve("/policy"));
			HttpResponse<String> second = browser.once(proxy.base().resolve("/policy"));
			return first.statusCode() == 302 && second.statusCode() == 302;
		});
		System.out.printf("[rawabit] back-channel logout took effect on both replicas in %d ms%n", gone.toMillis());
		assertThat(gone).isLessThan(Duration.ofSeconds(10));
		assertThat(browser.once(proxy.base().resolve("/policy")).headers().firstValue("Location").orElseThrow())
			.endsWith("/oauth2/authorization/keycloak");
	}

	private static HttpResponse<String> api(BrowserlessLogin client, String token) {
		return client.send(HttpRequest.newBuilder(proxy.base().resolve("/api/me"))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * What tenant-admin records when it removes or re-roles the person
	 * (StaffRevocations).
	 */
	private static void revoke(String subject) throws Exception {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement insert = superuser.prepareStatement("""
						insert into control.staff_revocation (tenant_id, subject, revoked_at, reason)
						values (?, ?, clock_timestamp(), 'removed')""")) {
			insert.setObject(1, thimar.value());
			insert.setString(2, subject);
			insert.executeUpdate();
		}
	}

	/**
	 * How long since {@code start} until {@code condition} holds, polling every 250 ms;
	 * fails past the bound.
	 */
	private static Duration until(long start, java.util.function.BooleanSupplier condition) {
		while (!condition.getAsBoolean()) {
			if (Duration.ofNanos(System.nanoTime() - start).compareTo(BOUND) > 0) {
				throw new AssertionError("not within " + BOUND);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

}

package sa.rawabit.platform.replicas;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestProxy;
import sa.rawabit.testing.TestTenants;

/**
 * Two platform replicas behind a round-robin nginx (no sticky sessions), sharing Redis: a
 * person signs in once and is served by both; a complaint filed through either replica
 * reaches the dashboard stream whichever replica holds it; a public link's limit holds
 * once across both, and no forwarded header a client writes resets it.
 */
class ReplicasBehindProxyE2ETests {

	static final String THIMAR = "thimar-alkhair";

	static final String UNKNOWN_CODE = "AAAAAAAAAAAAAAAAAAAA";

	static Replicas replicas;

	static TestProxy proxy;

	static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	BrowserContext browser;

	Page page;

	@BeforeAll
	static void twoReplicasBehindNginx() {
		TenantId thimar = TestTenants.ensure(THIMAR);
		replicas = new Replicas(2);
		proxy = TestProxy.roundRobin(replicas.ports());
		TestKeycloak.get().allowRedirect("rawabit-platform", proxy.base() + "*");
		replicas.thimarPolicyInForce(thimar);
	}

	@AfterAll
	static void stop() {
		proxy.close();
		replicas.close();
	}

	@BeforeEach
	void fullBuckets() {
		replicas.refillLimits();
		browser = Browser.get().newContext();
		page = browser.newPage();
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	@Test
	void pagesWhenServedByBothReplicasThenSignedInOnceAndComplaintsArriveLive() {
		Set<String> servedBy = ConcurrentHashMap.newKeySet();
		page.onResponse(response -> {
			if (response.url().startsWith(proxy.base().toString())
					&& response.headerValue(TestProxy.UPSTREAM_HEADER) != null) {
				servedBy.add(response.headerValue(TestProxy.UPSTREAM_HEADER));
			}
		});
		Browser.signIn(page, proxy.base().resolve("/policy"), THIMAR + ".follow-up-committee",
				TestKeycloak.DEMO_PASSWORD);
		if (page.getByTestId("ack-form").count() > 0) {
			page.getByTestId("ack-confirm").check();
			page.getByTestId("ack-submit").click();
			assertThat(page.getByTestId("acknowledged")).isVisible();
		}
		for (String path : List.of("/", "/complaints", "/policy", "/inquiries", "/", "/complaints")) {
			page.navigate(proxy.base().resolve(path).toString());
			assertThat(page).hasURL(proxy.base().resolve(path).toString());
			assertThat(page.locator("input[name=password]")).hasCount(0);
		}
		assertThat(servedBy).as("pages of one session served by both replicas").hasSize(2);

		page.navigate(proxy.base().toString());
		assertThat(page.locator("body")).hasClass(Pattern.compile("live-connected"));
		var open = page.getByTestId("count-complaints-open");
		assertThat(open).hasText(Pattern.compile("\\d+"));
		int before = Integer.parseInt(open.textContent().strip());
		// Round robin: two filings land on the two replicas, while the stream stays on
		// one of them.
		Set<String> filedOn = new java.util.HashSet<>();
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> filed = send(
					HttpRequest.newBuilder(proxy.base().resolve("/public/" + THIMAR + "/complaints"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(
								"""
										{"name":"مستفيد","contact":"0500000000","subject":"عبر موازن الحمل %d","description":"لم يصلني رد"}"""
									.formatted(System.nanoTime()))));
			assertThat(filed.statusCode()).isEqualTo(201);
			filedOn.add(filed.headers().firstValue(TestProxy.UPSTREAM_HEADER).orElseThrow());
		}
		assertThat(filedOn).hasSize(2);
		assertThat(open).hasText(Integer.toString(before + 2));
		Browser.screenshot(page, "replicas-dashboard-live");
	}

	@Test
	void publicLinkWhenRequestsSpreadOverReplicasThenOneLimitHoldsWhateverForwardedSays() {
		List<Integer> statuses = new ArrayList<>();
		Set<String> servedBy = new java.util.HashSet<>();
		for (int i = 0; i < 12; i++) {
			String spoof = "198.51.100." + (i + 1);
			HttpResponse<String> answer = send(statusLookup(proxy.base(),
					request -> request.header("X-Forwarded-For", spoof).header("Forwarded", "for=" + spoof)));
			statuses.add(answer.statusCode());
			servedBy.add(answer.headers().firstValue(TestProxy.UPSTREAM_HEADER).orElseThrow());
		}
		assertThat(servedBy).hasSize(2);
		// Five per address, refilled over ten minutes: one bucket for both replicas, not
		// one each.
		assertThat(statuses.subList(0, 5)).containsOnly(404);
		assertThat(statuses.subList(5, 12)).containsOnly(429);
	}

	@Test
	void forwardedWhenSentStraightToReplicaThenIgnored() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			String spoof = "203.0.113." + (i + 1);
			statuses.add(send(statusLookup(replicas.direct(i % 2),
					request -> request.header("Forwarded", "for=" + spoof).header("X-Forwarded-For", spoof)))
				.statusCode());
		}
		assertThat(statuses).containsExactly(404, 404, 404, 404, 404, 429, 429);
	}

	@Test
	void anonymousWhenBrowsingThenNoSessionUntilSignInRedirectWhichIsLimited() {
		ReactiveStringRedisTemplate redis = replicas.bean(0, ReactiveStringRedisTemplate.class);
		long sessionsBefore = sessionKeys(redis);
		for (String path : List.of("/", "/complaints", "/public/" + THIMAR, "/public/" + THIMAR + "/complaint")) {
			HttpResponse<String> answer = send(HttpRequest.newBuilder(proxy.base().resolve(path)).GET());
			assertThat(answer.headers().allValues("Set-Cookie")).as(path)
				.noneMatch(cookie -> cookie.startsWith("SESSION="));
		}
		assertThat(sessionKeys(redis)).isEqualTo(sessionsBefore);

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 22; i++) {
			HttpResponse<String> answer = send(
					HttpRequest.newBuilder(proxy.base().resolve("/oauth2/authorization/keycloak")).GET());
			statuses.add(answer.statusCode());
			if (answer.statusCode() == 302) {
				assertThat(answer.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("SESSION="));
			}
		}
		assertThat(statuses.subList(0, 20)).containsOnly(302);
		assertThat(statuses.subList(20, 22)).containsOnly(429);
		assertThat(sessionKeys(redis)).isEqualTo(sessionsBefore + 20);
	}

	private static long sessionKeys(ReactiveStringRedisTemplate redis) {
		return redis.keys("rawabit:rawabit-platform:sessions:*").count().block();
	}

	private static HttpRequest.Builder statusLookup(URI base, UnaryOperator<HttpRequest.Builder> headers) {
		return headers
			.apply(HttpRequest.newBuilder(base.resolve("/public/" + THIMAR + "/inquiries/" + UNKNOWN_CODE)).GET());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

package sa.rawabit.platform.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sa.rawabit.testing.TestDatabase;

/**
 * Reactor operators assembled per request of each probe ({@link OperatorCensus}), on a
 * replica of its own: requests one after another, after enough of them to fill the
 * replica's caches. What the replica assembles idle for as long is taken off (its
 * pollers: more the more associations the database holds); one after another each filing
 * still wakes a read of the outbox that full-speed filings share.
 */
final class CensusRun {

	/**
	 * Operators per request of {@code probe}, and per request what the replica assembled
	 * on its own in as long (taken off the first).
	 */
	record Census(Probe probe, double operatorsPerRequest, double backgroundPerRequest) {
	}

	/**
	 * Two of the outbox's poll intervals, so the idle reading holds both of its polls.
	 */
	private static final long IDLE_MILLIS = 4_000;

	private static final Pattern COUNT = Pattern.compile(
			"^" + OperatorCensus.METER.replace('.', '_') + "_total(?:\\{[^}]*})? ([0-9.eE+]+)$", Pattern.MULTILINE);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	static List<Census> run(TestDatabase database, String slug, List<Probe> probes, int requests) throws Exception {
		List<String> options = new ArrayList<>(List.of("-D" + OperatorCensus.PROPERTY + "=true"));
		String sites = System.getProperty(OperatorCensus.SITES, "");
		if (!sites.isBlank()) {
			options.add("-D" + OperatorCensus.SITES + "=" + Path.of(sites).toAbsolutePath());
		}
		try (BenchReplica replica = BenchReplica.start(database, options, List.of(BenchReplica.AS_SHIPPED))) {
			return new CensusRun().count(replica, replica.token(slug, "relations-officer"), probes, requests);
		}
	}

	private List<Census> count(BenchReplica replica, String token, List<Probe> probes, int requests) throws Exception {
		List<Census> census = new ArrayList<>();
		for (Probe probe : probes) {
			for (int i = 0; i < 20; i++) {
				send(replica, token, probe);
			}
			// What reading the count costs, and what the replica assembles on its own
			// meanwhile (pollers, one loop per association for some): both taken off.
			double first = assembled(replica);
			double idle = assembled(replica);
			double reread = idle - first;
			long idleFrom = System.nanoTime();
			Thread.sleep(IDLE_MILLIS);
			double idlePerNano = (assembled(replica) - idle - reread) / (System.nanoTime() - idleFrom);
			double before = assembled(replica);
			long from = System.nanoTime();
			for (int i = 0; i < requests; i++) {
				send(replica, token, probe);
			}
			double background = Math.max(0, idlePerNano) * (System.nanoTime() - from);
			census.add(new Census(probe, (assembled(replica) - before - reread - background) / requests,
					background / requests));
		}
		return census;
	}

	private void send(BenchReplica replica, String token, Probe probe) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.base() + probe.path()))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token);
		HttpResponse<String> answer = http.send(
				"POST".equals(probe.method()) ? request.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(Probe.COMPLAINT))
					.build() : request.method(probe.method(), HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() >= 500 || probe.isIntake() && answer.statusCode() != 201) {
			throw new IllegalStateException(probe.side() + " answered " + answer.statusCode() + ": " + answer.body());
		}
	}

	private double assembled(BenchReplica replica) throws Exception {
		String page = http
			.send(HttpRequest.newBuilder(URI.create(replica.base() + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher count = COUNT.matcher(page);
		if (!count.find()) {
			throw new IllegalStateException("The census replica published no operator count");
		}
		return Double.parseDouble(count.group(1));
	}

}

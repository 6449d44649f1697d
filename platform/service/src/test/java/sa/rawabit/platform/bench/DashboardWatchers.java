package sa.rawabit.platform.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * N simulated dashboards doing what live.js and htmx do: each holds the stream, and on an
 * event starts a trailing throttle (coalesce plus random jitter) after which it reloads
 * its sections once, naming the last event it heard. A page "shows" a filing when a
 * reload lists it or a later filing (the list holds the newest open complaints; a later
 * one listed means the earlier one is in the count): the latency from the filing's outbox
 * {@code occurredAt} (stamped inside its transaction, so an upper bound on commit) to
 * that reload's answer is sampled once per page and filing.
 */
final class DashboardWatchers {

	private static final Pattern EVENT = Pattern.compile("id:(\\d+)\\s*\\nevent:([^\\n]+)\\ndata:([^\\n]*)");

	private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

	private static final Pattern SUBJECT = Pattern.compile("\"subjectId\":\"([0-9a-f-]{36})\"");

	private static final Pattern LISTED = Pattern.compile("/complaints/([0-9a-f-]{36})");

	/** Complaint id by filing sequence. */
	private final Map<Integer, String> ids = new ConcurrentHashMap<>();

	/**
	 * When each complaint's event was stamped in its transaction, by id (epoch micros).
	 */
	private final Map<String, Long> occurred = new ConcurrentHashMap<>();

	final LongAdder reloads = new LongAdder();

	final LongAdder failures = new LongAdder();

	/** The first failure, for the report. */
	final java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>(
			"");

	final LongAdder samples = new LongAdder();

	final long[] latencies = new long[4_000_000];

	/**
	 * Where the time goes: event stamped → heard on the stream, and a reload's request →
	 * its answer.
	 */
	final Latencies heard = new Latencies(4_000_000);

	final Latencies fetches = new Latencies(1_000_000);

	/**
	 * Filings stamped before this (epoch micros) warm the replica up: shown, but not
	 * sampled.
	 */
	volatile long measuredFrom = Long.MIN_VALUE;

	/** Every heard filing in stamp order. */
	private final NavigableSet<Stamped> stamps = new ConcurrentSkipListSet<>(
			Comparator.comparingLong(Stamped::stamp).thenComparing(Stamped::id));

	private final AtomicInteger sampled = new AtomicInteger();

	private final HttpClient client;

	private final String base;

	private final Duration coalesce;

	private final Duration jitter;

	private final long since = Instant.now().toEpochMilli();

	private final List<Page> pages;

	DashboardWatchers(HttpClient client, String base, List<String> tokens, Duration coalesce, Duration jitter) {
		this.client = client;
		this.base = base;
		this.coalesce = coalesce;
		this.jitter = jitter;
		this.pages = tokens.stream().map(Page::new).toList();
	}

	/** Samples only filings stamped from now on. */
	void measureFromNow() {
		measuredFrom = System.currentTimeMillis() * 1000L;
		sampled.set(0);
		samples.reset();
	}

	/** The filer's record: filing {@code seq} created complaint {@code id}. */
	void filed(int seq, String id) {
		ids.put(seq, id);
	}

	/** Opens every stream; completes when all are connected. */
	Mono<Void> open() {
		return reactor.core.publisher.Flux.fromIterable(pages).flatMap(Page::open).then();
	}

	/** The pages that have shown every filing up to {@code last}. */
	long showing(int last) {
		String id = ids.get(last);
		Long stamp = id == null ? null : occurred.get(id);
		return stamp == null ? 0 : pages.stream().filter(page -> page.shownUpTo.get() >= stamp).count();
	}

	long[] sortedLatencies() {
		long[] copy = java.util.Arrays.copyOf(latencies, Math.min(sampled.get(), latencies.length));
		java.util.Arrays.sort(copy);
		return copy;
	}

	private final class Page {

		final String token;

		final AtomicBoolean pending = new AtomicBoolean();

		/** The stamp of the newest filing this page has shown. */
		final AtomicLong shownUpTo = new AtomicLong(Long.MIN_VALUE);

		final StringBuilder buffer = new StringBuilder();

		volatile String seen = "";

		Page(String token) {
			this.token = token;
		}

		Mono<Void> open() {
			Mono<Void> connected = Mono.create(sink -> client
				.headers(h -> h.set("Authorization", "Bearer " + token).set("Accept", "text/event-stream"))
				.get()
				.uri(base + "/api/stream")
				.responseContent()
				.asString()
				.subscribe(chunk -> {
					if (chunk.contains(":connected")) {
						sink.success();
					}
					heard(chunk);
				}, this::failed));
			return connected;
		}

		private void heard(String chunk) {
			synchronized (buffer) {
				buffer.append(chunk.replace("\r", ""));
				Matcher event = EVENT.matcher(buffer);
				int consumed = 0;
				while (event.find()) {
					consumed = event.end();
					seen = event.group(1);
					Matcher occurred = OCCURRED.matcher(event.group(3));
					Matcher subject = SUBJECT.matcher(event.group(3));
					if (occurred.find() && subject.find()) {
						Instant at = Instant.parse(occurred.group(1));
						long stamped = at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
						if (DashboardWatchers.this.occurred.putIfAbsent(subject.group(1), stamped) == null) {
							stamps.add(new Stamped(stamped, subject.group(1)));
						}
						heard.record(System.currentTimeMillis() * 1000L - stamped);
					}
					schedule();
				}
				buffer.delete(0, consumed);
			}
		}

		private void failed(Throwable error) {
			failures.increment();
			firstFailure.compareAndSet("", error.toString());
		}

		private void schedule() {
			if (pending.compareAndSet(false, true)) {
				long wait = coalesce.toMillis()
						+ (jitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(jitter.toMillis()));
				Mono.delay(Duration.ofMillis(wait)).flatMap(tick -> {
					pending.set(false);
					return reload();
				}).subscribe(shown -> {
				}, this::failed);
			}
		}

		private Mono<String> reload() {
			reloads.increment();
			long asked = System.nanoTime();
			return client.headers(h -> h.set("Authorization", "Bearer " + token).set("HX-Request", "true"))
				.get()
				.uri(base + "/dashboard/sections?seen=" + seen)
				.responseSingle((response, body) -> response.status().code() == 200 ? body.asString()
						: Mono.error(new IllegalStateException("sections: " + response.status())))
				.doOnNext(html -> fetches.record((System.nanoTime() - asked) / 1000))
				.doOnNext(this::shown);
		}

		/**
		 * Which filings this answer shows, by their stamps: every heard filing stamped no
		 * later than the newest one listed (the list holds the newest open complaints, so
		 * an earlier one is in the count). By stamp, not by the filer's sequence: the
		 * stream and the reload can be faster than the filer's own answer, which made
		 * shown filings count as not shown until the next reload.
		 */
		private void shown(String html) {
			long now = System.currentTimeMillis() * 1000L;
			long newest = Long.MIN_VALUE;
			Matcher listed = LISTED.matcher(html);
			while (listed.find()) {
				newest = Math.max(newest, occurred.getOrDefault(listed.group(1), Long.MIN_VALUE));
			}
			long from = shownUpTo.get();
			if (newest > from && shownUpTo.compareAndSet(from, newest)) {
				for (Stamped filing : stamps.subSet(new Stamped(from, "~"), false, new Stamped(newest, "~"), true)) {
					if (filing.stamp() >= measuredFrom) {
						int slot = sampled.getAndIncrement();
						if (slot < latencies.length) {
							latencies[slot] = now - filing.stamp();
						}
						samples.increment();
					}
				}
			}
		}

	}

	private record Stamped(long stamp, String id) {
	}

}

package sa.rawabit.platform.tools;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.proxies.ClientAddress;

/**
 * How many public downloads run at once: per client address (the key the public rate
 * limits use, so behind a trusted proxy the client it names) and on this replica
 * altogether. Counted here rather than in Redis: what a running download holds (a place
 * in the pool's queue, a slice in memory) is this replica's.
 */
@Component
class DownloadLimits {

	static final ProblemType TOO_MANY = new ProblemType("too-many-downloads", HttpStatus.TOO_MANY_REQUESTS,
			"Too many downloads at once", "تنزيلات كثيرة في وقت واحد");

	static final ProblemType BUSY = new ProblemType("downloads-busy", HttpStatus.SERVICE_UNAVAILABLE,
			"Too many downloads in progress, try again shortly", "التنزيلات الجارية كثيرة، أعد المحاولة بعد قليل");

	private final ToolsProperties.Downloads settings;

	private final Map<String, Integer> perClient = new ConcurrentHashMap<>();

	private final AtomicInteger running = new AtomicInteger();

	DownloadLimits(ToolsProperties properties) {
		this.settings = properties.downloads();
	}

	/**
	 * A place for one download from the exchange's client, to be released once the
	 * response completes, fails or is cancelled.
	 * @throws ProblemException 429 naming the limit when the client has
	 * {@code per-client} running, 503 when the replica has {@code per-replica}; both with
	 * {@code Retry-After}
	 */
	Permit admit(ServerWebExchange exchange) {
		if (running.incrementAndGet() > settings.perReplica()) {
			running.decrementAndGet();
			throw refused(exchange, BUSY,
					"This server is sending " + settings.perReplica() + " documents already; try again shortly",
					"يُرسل الخادم " + settings.perReplica() + " مستندات حالياً؛ أعد المحاولة بعد قليل");
		}
		String client = ClientAddress.key(exchange);
		AtomicBoolean admitted = new AtomicBoolean();
		perClient.compute(client, (key, open) -> {
			int now = open == null ? 0 : open;
			admitted.set(now < settings.perClient());
			return admitted.get() ? now + 1 : open;
		});
		if (!admitted.get()) {
			running.decrementAndGet();
			throw refused(exchange, TOO_MANY,
					"At most " + settings.perClient()
							+ " downloads at once from one address; try again when one has finished",
					"الحد الأعلى " + settings.perClient()
							+ " تنزيلات في وقت واحد من العنوان نفسه؛ أعد المحاولة بعد انتهاء أحدها");
		}
		return new Permit(client);
	}

	/** Downloads running now, for tests. */
	int running() {
		return running.get();
	}

	private ProblemException refused(ServerWebExchange exchange, ProblemType type, String en, String ar) {
		String seconds = Long.toString(Math.max(1, settings.retryAfter().toSeconds()));
		// After the problem handler's own Retry-After for a 503, which is about the
		// database.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, seconds);
			return Mono.empty();
		});
		return new ProblemException(type, en, ar, null);
	}

	/** One running download's place; releasing it more than once releases it once. */
	final class Permit {

		private final String client;

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit(String client) {
			this.client = client;
		}

		void release() {
			if (released.compareAndSet(false, true)) {
				perClient.computeIfPresent(client, (key, open) -> open <= 1 ? null : open - 1);
				running.decrementAndGet();
			}
		}

	}

}

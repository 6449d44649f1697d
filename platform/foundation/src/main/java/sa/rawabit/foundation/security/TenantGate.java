package sa.rawabit.foundation.security;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Admits a request for an association only while that association is active. Status is
 * read per request from a cache of a few seconds, not from the token, so a suspension
 * takes effect for every signed-in user within that time instead of when their tokens
 * expire.
 */
public final class TenantGate {

	static final ProblemType SUSPENDED = new ProblemType("association-not-active", HttpStatus.FORBIDDEN,
			"This association's access is suspended", "وصول هذه الجمعية موقوف");

	static final ProblemType UNKNOWN = new ProblemType("association-unknown", HttpStatus.FORBIDDEN,
			"Your organization is not a registered association", "جهتك غير مسجلة كجمعية في المنصة");

	private final Transactions transactions;

	private final DatabaseClient database;

	private final Duration cacheFor;

	private final Map<String, Mono<Entry>> cache = new ConcurrentHashMap<>();

	public TenantGate(Transactions transactions, DatabaseClient database, Duration cacheFor) {
		this.transactions = transactions;
		this.database = database;
		this.cacheFor = cacheFor;
	}

	/**
	 * The id of the association with this slug, or a 403 problem when it is unknown or
	 * not active.
	 */
	public Mono<TenantId> admit(String slug) {
		return admit(slug, false);
	}

	/**
	 * As {@link #admit(String)}, admitting a suspended association too when
	 * {@code evenSuspended} (never an offboarded one).
	 */
	Mono<TenantId> admit(String slug, boolean evenSuspended) {
		return cache.computeIfAbsent(slug, this::lookup).flatMap(entry -> {
			if (entry.id() == null) {
				return Mono.error(new ProblemException(UNKNOWN, UNKNOWN.titleEn(), UNKNOWN.titleAr(), null));
			}
			if (!"active".equals(entry.status()) && !(evenSuspended && "suspended".equals(entry.status()))) {
				return Mono.error(new ProblemException(SUSPENDED, "Association '" + slug + "' is " + entry.status(),
						SUSPENDED.titleAr(), null));
			}
			return Mono.just(entry.id());
		});
	}

	/** Forget what is cached, e.g. right after this process itself changed a status. */
	public void evict(String slug) {
		cache.remove(slug);
	}

	private Mono<Entry> lookup(String slug) {
		return transactions
			.asSystem("tenant-gate",
					database.sql("select id, status from control.tenant where slug = $1")
						.bind(0, slug)
						.map(row -> new Entry(new TenantId(row.get("id", UUID.class)), row.get("status", String.class)))
						.one())
			.defaultIfEmpty(new Entry(null, "unknown"))
			.cache(entry -> cacheFor, error -> Duration.ZERO, () -> Duration.ZERO);
	}

	private record Entry(@org.jspecify.annotations.Nullable TenantId id, String status) {
	}

}

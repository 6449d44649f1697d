package sa.rawabit.platform.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.policy.reading.InvalidPolicyException;
import sa.rawabit.policy.reading.PolicyReader;
import sa.rawabit.policy.reading.ReadResult;

/**
 * Serves each association's policy in force from memory, and any published version on
 * demand. {@link PolicyPublicationListener} keeps the memory current; this class decides
 * what replaces what: version numbers only grow, so a late or duplicate reload never puts
 * an older version back.
 */
@Service
public class PoliciesInForce {

	private static final Logger log = LoggerFactory.getLogger(PoliciesInForce.class);

	private final PolicyVersions versions;

	private final ApplicationEventPublisher events;

	private final PolicyProperties properties;

	private final Map<TenantId, LoadedPolicy> inForce = new ConcurrentHashMap<>();

	private final VersionCache cache;

	/**
	 * Versions whose stored source does not parse: reported once, not again on every
	 * poll.
	 */
	private final Map<TenantId, PolicyVersionId> unreadable = new ConcurrentHashMap<>();

	private final Sinks.Empty<Void> firstLoad = Sinks.empty();

	private final AtomicBoolean loaded = new AtomicBoolean();

	private final Counter reloaded;

	private final Counter failed;

	private final PolicyAnnouncements announcements;

	PoliciesInForce(PolicyVersions versions, ApplicationEventPublisher events, PolicyProperties properties,
			MeterRegistry meters, PolicyAnnouncements announcements) {
		this.versions = versions;
		this.announcements = announcements;
		this.events = events;
		this.properties = properties;
		this.cache = new VersionCache(properties.cachedVersions());
		Gauge.builder("rawabit.policy.loaded.tenants", inForce, Map::size)
			.description("Associations whose policy in force this replica holds in memory")
			.register(meters);
		this.reloaded = reloads(meters, "loaded");
		this.failed = reloads(meters, "failed");
	}

	private static Counter reloads(MeterRegistry meters, String outcome) {
		return Counter.builder("rawabit.policy.reloads")
			.description("Policy versions this replica tried to load, by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * The association's policy in force, from memory; empty when it has none. Until the
	 * start-up load has finished this waits for it, so an early caller is never told "no
	 * policy" by mistake.
	 */
	public Mono<LoadedPolicy> inForce(TenantId tenant) {
		Mono<LoadedPolicy> held = Mono.fromSupplier(() -> inForce.get(tenant));
		if (loaded.get()) {
			// Nothing to wait for: a timeout would arm (and disarm) a timer on the
			// parallel
			// scheduler for every request, waking its thread each time.
			return held;
		}
		return firstLoad.asMono()
			.timeout(properties.firstLoadWait(), Mono
				.error(() -> new IllegalStateException("Policies are not loaded yet; the database may be unreachable")))
			.then(held);
	}

	/**
	 * The association's policy in force as this replica holds it right now, without
	 * waiting; null when none.
	 */
	@org.jspecify.annotations.Nullable
	LoadedPolicy inForceNow(TenantId tenant) {
		return inForce.get(tenant);
	}

	/**
	 * A published or superseded version of the association's policy, for work that
	 * started under it. Empty when the association has no such version (drafts and other
	 * associations' versions included).
	 */
	public Mono<LoadedPolicy> version(TenantId tenant, PolicyVersionId version) {
		return Mono.defer(() -> {
			LoadedPolicy cached = cache.get(tenant, version);
			return cached != null ? Mono.just(cached) : load(tenant, version).doOnNext(cache::put);
		});
	}

	/**
	 * Brings every association up to the registry; at start-up this is the initial load.
	 */
	Mono<Long> refreshAll() {
		return versions.inForceEverywhere()
			.filter(row -> isStale(row.tenant(), row.version()))
			.flatMap(row -> adopt(row.tenant(), row.version()), 4)
			.filter(Boolean::booleanValue)
			.count()
			.doOnSuccess(changed -> {
				if (loaded.compareAndSet(false, true)) {
					log.info("Policies loaded at start-up for {} associations", inForce.size());
					firstLoad.tryEmitEmpty();
				}
			})
			// After the start-up load is visible: announcing is work for others, not a
			// condition of serving.
			.flatMap(changed -> announcements.settle().thenReturn(changed));
	}

	/** Brings one association up to the registry, e.g. when told it published. */
	Mono<Boolean> refresh(TenantId tenant) {
		return versions.inForce(tenant)
			.filter(version -> isStale(tenant, version))
			.flatMap(version -> adopt(tenant, version))
			.defaultIfEmpty(false)
			.flatMap(changed -> announcements.settle().thenReturn(changed));
	}

	private boolean isStale(TenantId tenant, PolicyVersionId version) {
		LoadedPolicy current = inForce.get(tenant);
		return (current == null || !current.version().equals(version)) && !version.equals(unreadable.get(tenant));
	}

	/**
	 * Loads the version and puts it in force; a failure keeps what was in force and is
	 * counted.
	 */
	private Mono<Boolean> adopt(TenantId tenant, PolicyVersionId version) {
		return version(tenant, version)
			// Counted before it becomes visible, so whoever sees the new version also
			// sees the count.
			.doOnNext(parsed -> reloaded.increment())
			.map(this::putInForce)
			.switchIfEmpty(Mono.fromSupplier(() -> {
				log.warn("Association {} names policy version {} in force, but it is not a published version", tenant,
						version);
				failed.increment();
				return false;
			}))
			.onErrorResume(InvalidPolicyException.class, invalid -> {
				unreadable.put(tenant, version);
				failed.increment();
				log.error(
						"DEFECT: policy version {} of association {} was published but does not parse; "
								+ "keeping the previous version in force. Problems: {}",
						version, tenant, invalid.getMessage());
				return Mono.just(false);
			})
			.onErrorResume(error -> {
				failed.increment();
				log.warn("Could not load policy version {} of association {}; the next poll retries", version, tenant,
						error);
				return Mono.just(false);
			});
	}

	private boolean putInForce(LoadedPolicy candidate) {
		LoadedPolicy now = inForce.merge(candidate.tenant(), candidate,
				(current, next) -> next.number() > current.number() ? next : current);
		if (now != candidate) {
			return false;
		}
		log.info("Policy version {} (number {}) of association {} is in force", candidate.version(), candidate.number(),
				candidate.tenant());
		announcements.owe(candidate);
		if (loaded.get()) {
			announce(new PolicyServedHere(candidate.tenant(), candidate.version()));
		}
		return true;
	}

	private void announce(PolicyServedHere published) {
		try {
			events.publishEvent(published);
		}
		catch (RuntimeException listenerFailure) {
			// A listener's bug must not make this replica serve the old policy.
			log.error("A listener of {} failed", published, listenerFailure);
		}
	}

	private Mono<LoadedPolicy> load(TenantId tenant, PolicyVersionId version) {
		return versions.find(tenant, version)
			// Parsing is CPU work on up to 256 KiB of YAML: keep it off the database
			// event loop.
			.publishOn(Schedulers.parallel())
			.map(stored -> {
				ReadResult read = PolicyReader.read(stored.source());
				return new LoadedPolicy(tenant, version, stored.number(), stored.publishedAt().toInstant(),
						read.orElseThrow());
			});
	}

	/** How many associations this replica serves, for the listener's log lines. */
	int size() {
		return inForce.size();
	}

}

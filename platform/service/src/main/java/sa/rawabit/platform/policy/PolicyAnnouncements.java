package sa.rawabit.platform.policy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.notifications.Outbox;
import sa.rawabit.platform.notifications.OutboxEvent;
import sa.rawabit.platform.notifications.WorkerDatabase;

/**
 * Commits {@link PolicyPublished} once per published version. Publication happens in the
 * control plane, which cannot write this plane's outbox; so the first replica that puts a
 * version in force — told by the control plane's notice, by its poll, or at start-up —
 * records the version in {@code app.policy_announcement} and the event in the outbox in
 * one transaction, and every later attempt (another replica, a restart) finds it
 * recorded. A version published while no replica ran is announced by the first one to
 * start.
 */
@Service
class PolicyAnnouncements {

	static final String TOPIC = "policy.published";

	private static final Logger log = LoggerFactory.getLogger(PolicyAnnouncements.class);

	private final WorkerDatabase worker;

	private final Outbox outbox;

	private final Clock clock;

	private final Map<TenantId, LoadedPolicy> owed = new ConcurrentHashMap<>();

	PolicyAnnouncements(WorkerDatabase worker, Outbox outbox, Clock clock) {
		this.worker = worker;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * {@code policy} was just put in force here: announce it at the next {@link #settle},
	 * unless it was.
	 */
	void owe(LoadedPolicy policy) {
		owed.put(policy.tenant(), policy);
	}

	/**
	 * Announces every version owed, one transaction each; a failure keeps it owed for the
	 * next settle (the registry's poll), so the announcement is made at least once. A
	 * version superseded while owed is not announced: the event says what is in force.
	 */
	Mono<Long> settle() {
		return Flux.fromIterable(List.copyOf(owed.values()))
			.concatMap(policy -> announce(policy).doOnSuccess(done -> owed.remove(policy.tenant(), policy))
				.onErrorResume(failure -> {
					log.warn("Could not announce policy version {} of association {}; the next poll retries",
							policy.version(), policy.tenant(), failure);
					return Mono.just(false);
				}))
			.filter(Boolean::booleanValue)
			.count();
	}

	/** Announces {@code policy} unless it was; true when this call did. */
	Mono<Boolean> announce(LoadedPolicy policy) {
		return worker
			.inTransaction(Flux.defer(() -> worker.client()
				.sql("""
						insert into app.policy_announcement (tenant_id, version_id, number, announced_at)
						values ($1, $2, $3, $4)
						on conflict do nothing
						returning version_id""")
				.bind(0, policy.tenant().value())
				.bind(1, policy.version().value())
				.bind(2, policy.number())
				.bind(3, clock.instant())
				.map(row -> true)
				.all()
				.concatMap(first -> outbox.publishAsWorker(policy.tenant(), event(policy)).thenReturn(first))))
			// Read to the end: cancelling the transactional Flux early (next(), any())
			// would roll it back.
			.reduce(false, Boolean::logicalOr);
	}

	/**
	 * Every member of the association hears of it: each must read and acknowledge the new
	 * version.
	 */
	private static OutboxEvent event(LoadedPolicy policy) {
		return new OutboxEvent(TOPIC, "policy", policy.version().value(), Set.of(), Map.of("number", policy.number()))
			.carrying(new PolicyPublished(policy.version(), policy.number()));
	}

}

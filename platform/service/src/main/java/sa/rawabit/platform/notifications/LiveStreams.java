package sa.rawabit.platform.notifications;

import java.time.Clock;
import sa.rawabit.foundation.security.MemberRevocations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.security.TenantGate;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Every stream open on this replica, indexed by association and, within it, by the event
 * loop of the stream's connection. The fan-out's events, the heartbeat and the status
 * checks all pass through one serialized pipeline: an event is encoded once and handed to
 * each event loop holding streams of its association as one task, which offers it to
 * those of the roles it names on the loop that writes their sockets (no hand-off between
 * threads per connection; each loop's tasks run in order, so a stream still sees frames
 * in fan-out order); one heartbeat tick serves every stream, an association's status is
 * checked once per period however many of its staff are watching, and the same tick ends
 * the streams whose credential expired or whose member was removed or re-roled in
 * tenant-admin (a terminal {@value #ENDED} event; no timer per stream).
 */
@Component
class LiveStreams extends BackgroundSubscription {

	static final String SUSPENDED = "association-suspended";

	static final String ENDED = "credential-ended";

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	private static final Frame HEARTBEAT = Frame.comment("heartbeat", 0);

	private static final Frame NOT_ACTIVE = Frame.event(SUSPENDED, "{\"status\":\"not-active\"}");

	private final Map<TenantId, Watchers> byTenant = new ConcurrentHashMap<>();

	private final OutboxFanOut fanOut;

	private final TenantGate gate;

	private final NotificationsProperties properties;

	private final EndedCredentials credentials;

	LiveStreams(OutboxFanOut fanOut, TenantGate gate, NotificationsProperties properties, MemberRevocations revocations,
			Clock clock) {
		this.fanOut = fanOut;
		this.gate = gate;
		this.properties = properties;
		this.credentials = new EndedCredentials(revocations, clock);
	}

	/**
	 * Registers {@code stream}: it is offered frames from now on until {@link #close} or
	 * its end, on its event loop.
	 */
	<S extends LiveStream> S open(S stream) {
		StaffMember member = stream.member();
		// Inside compute, so a close emptying the association's watchers cannot drop them
		// under this add.
		byTenant.compute(member.tenant(), (tenant, watchers) -> {
			Watchers present = watchers == null ? new Watchers(member.tenantSlug()) : watchers;
			present.add(stream);
			return present;
		});
		return stream;
	}

	void close(StaffMember member, LiveStream stream) {
		byTenant.computeIfPresent(member.tenant(), (tenant, watchers) -> watchers.remove(stream) ? null : watchers);
	}

	/** Streams open on this replica (a gauge for operators and a check for tests). */
	int size() {
		return byTenant.values().stream().mapToInt(Watchers::size).sum();
	}

	@Override
	protected Disposable subscribe() {
		Flux<Runnable> events = fanOut.deliveries().map(delivery -> () -> deliver(delivery));
		Flux<Runnable> heartbeats = Flux.interval(properties.heartbeat()).map(tick -> this::heartbeat);
		Flux<Runnable> suspensions = Flux.interval(properties.statusCheck())
			.onBackpressureDrop()
			.concatMap(tick -> Flux.concat(suspendedTenants().map(tenant -> (Runnable) () -> endAll(tenant)),
					endedCredentials()), 1);
		// merge serializes: no stream is ever offered two frames at once.
		return Flux.merge(events, heartbeats, suspensions)
			.subscribe(Runnable::run, error -> log.error("Live stream dispatch stopped", error));
	}

	private void deliver(Delivery delivery) {
		Watchers watchers = byTenant.get(delivery.tenant());
		if (watchers == null) {
			return;
		}
		Frame frame = Frame.of(delivery);
		Set<String> audience = delivery.audience();
		watchers.onEachLoop(stream -> {
			if (audience.isEmpty() || holdsAny(stream, audience)) {
				stream.deliver(frame);
			}
		});
	}

	private static boolean holdsAny(LiveStream stream, Set<String> audience) {
		for (String role : audience) {
			if (stream.holds(role)) {
				return true;
			}
		}
		return false;
	}

	private void heartbeat() {
		byTenant.values().forEach(watchers -> watchers.onEachLoop(stream -> stream.beat(HEARTBEAT)));
	}

	/**
	 * Associations with open streams whose status no longer admits them; one gate check
	 * each.
	 */
	private Flux<TenantId> suspendedTenants() {
		return Flux.fromIterable(Map.copyOf(byTenant).entrySet())
			.concatMap(entry -> gate.admit(entry.getValue().slug)
				.then(Mono.<TenantId>empty())
				.onErrorResume(ProblemException.class, refused -> Mono.just(entry.getKey()))
				.onErrorResume(error -> Mono.empty()));
	}

	/** Streams whose credential ran out or was revoked, each ended with its reason. */
	private Flux<Runnable> endedCredentials() {
		List<LiveStream> streams = new ArrayList<>();
		byTenant.values().forEach(watchers -> watchers.addStreamsTo(streams));
		return credentials.endedAmong(streams).map(ending -> (Runnable) () -> endOne(ending.stream(), ending.last()));
	}

	private void endOne(LiveStream stream, Frame last) {
		close(stream.member(), stream);
		runOn(stream.eventLoop(), () -> stream.end(last));
	}

	private void endAll(TenantId tenant) {
		Watchers watchers = byTenant.remove(tenant);
		if (watchers != null) {
			watchers.onEachLoop(stream -> stream.end(NOT_ACTIVE));
		}
	}

	/**
	 * A loop shutting down with its server refuses tasks; its connections are closing
	 * anyway.
	 */
	private static void runOn(Executor eventLoop, Runnable task) {
		try {
			eventLoop.execute(task);
		}
		catch (RejectedExecutionException closing) {
			log.debug("Event loop closing; frame dropped with its connections", closing);
		}
	}

	/**
	 * One association's streams on this replica, grouped by their connections' event
	 * loops.
	 */
	private static final class Watchers {

		private final String slug;

		private final Map<Executor, Set<LiveStream>> byLoop = new ConcurrentHashMap<>();

		Watchers(String slug) {
			this.slug = slug;
		}

		void add(LiveStream stream) {
			byLoop.computeIfAbsent(stream.eventLoop(), loop -> ConcurrentHashMap.newKeySet()).add(stream);
		}

		/**
		 * @return whether no stream is left
		 */
		boolean remove(LiveStream stream) {
			byLoop.computeIfPresent(stream.eventLoop(), (loop, streams) -> {
				streams.remove(stream);
				return streams.isEmpty() ? null : streams;
			});
			return byLoop.isEmpty();
		}

		/**
		 * Runs {@code action} for every stream, as one task per event loop on that loop.
		 */
		void onEachLoop(Consumer<LiveStream> action) {
			byLoop.forEach((loop, streams) -> runOn(loop, () -> streams.forEach(action)));
		}

		/** Adds every stream of the association to {@code streams}. */
		void addStreamsTo(List<LiveStream> streams) {
			byLoop.values().forEach(streams::addAll);
		}

		int size() {
			return byLoop.values().stream().mapToInt(Set::size).sum();
		}

	}

}

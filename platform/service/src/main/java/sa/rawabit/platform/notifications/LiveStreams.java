package sa.rawabit.platform.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.Credential;
import sa.rawabit.foundation.security.MemberRevocations;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.security.TenantGate;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Every stream open on this replica, indexed by association. The fan-out's events, the heartbeat and
 * the status checks all pass through one serialized pipeline: an event is encoded once and offered
 * only to its association's streams of the roles it names, one heartbeat tick serves every stream, an
 * association's status is checked once per period however many of its staff are watching, and the same
 * tick ends the streams whose credential expired or whose member was removed or re-roled in
 * tenant-admin (a terminal {@value #ENDED} event; no timer per stream).
 */
@Component
class LiveStreams extends BackgroundSubscription {

	static final String SUSPENDED = "association-suspended";

	static final String ENDED = "credential-ended";

	private static final Frame EXPIRED = Frame.event(ENDED, "{\"reason\":\"expired\"}");

	private static final Frame REVOKED = Frame.event(ENDED, "{\"reason\":\"revoked\"}");

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	private static final Frame HEARTBEAT = Frame.comment("heartbeat", 0);

	private static final Frame NOT_ACTIVE = Frame.event(SUSPENDED, "{\"status\":\"not-active\"}");

	private final Map<TenantId, Watchers> byTenant = new ConcurrentHashMap<>();

	private final OutboxFanOut fanOut;

	private final TenantGate gate;

	private final NotificationsProperties properties;

	private final MemberRevocations revocations;

	private final Clock clock;

	LiveStreams(OutboxFanOut fanOut, TenantGate gate, NotificationsProperties properties,
			MemberRevocations revocations, Clock clock) {
		this.fanOut = fanOut;
		this.gate = gate;
		this.properties = properties;
		this.revocations = revocations;
		this.clock = clock;
	}

	/** Opens {@code member}'s stream: it receives from now on until {@link #close} or its end. */
	LiveStream open(StaffMember member, @Nullable Credential credential, int bufferSize) {
		LiveStream stream = new LiveStream(member, credential, bufferSize);
		byTenant.computeIfAbsent(member.tenant(), tenant -> new Watchers(member.tenantSlug())).streams.add(stream);
		return stream;
	}

	void close(StaffMember member, LiveStream stream) {
		byTenant.computeIfPresent(member.tenant(), (tenant, watchers) -> {
			watchers.streams.remove(stream);
			return watchers.streams.isEmpty() ? null : watchers;
		});
	}

	/** Streams open on this replica (a gauge for operators and a check for tests). */
	int size() {
		return byTenant.values().stream().mapToInt(watchers -> watchers.streams.size()).sum();
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
		return Flux.merge(events, heartbeats, suspensions).subscribe(Runnable::run,
				error -> log.error("Live stream dispatch stopped", error));
	}

	private void deliver(Delivery delivery) {
		Watchers watchers = byTenant.get(delivery.tenant());
		if (watchers == null) {
			return;
		}
		Frame frame = Frame.of(delivery);
		Set<String> audience = delivery.audience();
		for (LiveStream stream : watchers.streams) {
			if (audience.isEmpty() || holdsAny(stream, audience)) {
				stream.offer(frame);
			}
		}
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
		byTenant.values().forEach(watchers -> watchers.streams.forEach(stream -> stream.offer(HEARTBEAT)));
	}

	/** Associations with open streams whose status no longer admits them; one gate check each. */
	private Flux<TenantId> suspendedTenants() {
		return Flux.fromIterable(Map.copyOf(byTenant).entrySet())
			.concatMap(entry -> gate.admit(entry.getValue().slug)
				.then(Mono.<TenantId>empty())
				.onErrorResume(ProblemException.class, refused -> Mono.just(entry.getKey()))
				.onErrorResume(error -> Mono.empty()));
	}

	/** Streams whose credential ran out or was revoked (revocations are read through their short cache). */
	private Flux<Runnable> endedCredentials() {
		Instant now = clock.instant();
		return Flux.fromIterable(Map.copyOf(byTenant).values())
			.flatMapIterable(watchers -> watchers.streams)
			.concatMap(stream -> {
				if (stream.expiredAt(now)) {
					return Mono.just((Runnable) () -> endOne(stream, EXPIRED));
				}
				Instant issued = stream.issuedAt();
				if (issued == null) {
					return Mono.empty();
				}
				StaffMember member = stream.member();
				return revocations.isRevoked(member.tenant(), member.subject(), issued)
					.filter(revoked -> revoked)
					.map(revoked -> (Runnable) () -> endOne(stream, REVOKED))
					.onErrorResume(error -> Mono.empty());
			});
	}

	private void endOne(LiveStream stream, Frame last) {
		close(stream.member(), stream);
		stream.end(last);
	}

	private void endAll(TenantId tenant) {
		Watchers watchers = byTenant.remove(tenant);
		if (watchers != null) {
			watchers.streams.forEach(stream -> stream.end(NOT_ACTIVE));
		}
	}

	private static final class Watchers {

		private final String slug;

		private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();

		Watchers(String slug) {
			this.slug = slug;
		}
	}
}

package sa.rawabit.platform.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.MemberRevocations;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Which open streams must end because their credential did: it expired, or tenant-admin
 * removed or re-roled its holder after it was issued. Revocations are read once per
 * person per check (through their short cache), however many of the person's tabs are
 * open: one lookup per stream made every check walk thousands of lookups for the few
 * people behind them.
 */
final class EndedCredentials {

	private static final Frame EXPIRED = Frame.event(LiveStreams.ENDED, "{\"reason\":\"expired\"}");

	private static final Frame REVOKED = Frame.event(LiveStreams.ENDED, "{\"reason\":\"revoked\"}");

	private final MemberRevocations revocations;

	private final Clock clock;

	EndedCredentials(MemberRevocations revocations, Clock clock) {
		this.revocations = revocations;
		this.clock = clock;
	}

	/**
	 * The streams among {@code streams} to end, each with its last frame; a failed lookup
	 * ends nobody (the next check asks again).
	 */
	Flux<Ending> endedAmong(List<LiveStream> streams) {
		Instant now = clock.instant();
		List<Ending> expired = new ArrayList<>();
		Map<Holder, List<LiveStream>> byHolder = new HashMap<>();
		for (LiveStream stream : streams) {
			if (stream.expiredAt(now)) {
				expired.add(new Ending(stream, EXPIRED));
			}
			else if (stream.issuedAt() != null) {
				byHolder.computeIfAbsent(Holder.of(stream.member()), holder -> new ArrayList<>()).add(stream);
			}
		}
		return Flux.fromIterable(expired)
			.concatWith(Flux.fromIterable(byHolder.entrySet())
				.concatMap(held -> revocations.revokedAt(held.getKey().tenant(), held.getKey().subject())
					.flatMapIterable(revokedAt -> held.getValue()
						.stream()
						.filter(stream -> MemberRevocations.revokes(revokedAt,
								Objects.requireNonNull(stream.issuedAt())))
						.map(stream -> new Ending(stream, REVOKED))
						.toList())
					.onErrorResume(error -> Mono.empty())));
	}

	/** A stream to end, and the terminal frame that tells its client why. */
	record Ending(LiveStream stream, Frame last) {
	}

	/** Whose credential a stream was opened with. */
	private record Holder(TenantId tenant, String subject) {

		static Holder of(StaffMember member) {
			return new Holder(Objects.requireNonNull(member.tenant(), "a stream's member has an association"),
					member.subject());
		}
	}

}

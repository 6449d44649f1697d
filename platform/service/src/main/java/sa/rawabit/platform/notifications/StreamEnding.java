package sa.rawabit.platform.notifications;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.Credential;
import sa.rawabit.foundation.security.MemberRevocations;
import sa.rawabit.foundation.security.StaffAuthentication;
import sa.rawabit.foundation.security.StaffMember;

/**
 * When a live stream must end although its connection is fine: the token (or page session) it was opened with
 * reaches its end, or its member was removed or re-roled in tenant-admin. Either yields one terminal
 * {@value #ENDED} event naming the reason ({@code expired} or {@code revoked}); EventSource then reconnects
 * with a fresh credential, or is refused.
 */
@Component
class StreamEnding {

	static final String ENDED = "credential-ended";

	private final MemberRevocations revocations;

	private final NotificationsProperties properties;

	StreamEnding(MemberRevocations revocations, NotificationsProperties properties) {
		this.revocations = revocations;
		this.properties = properties;
	}

	/** The terminal event of the stream being served (its credential from the request's security context). */
	Mono<ServerSentEvent<String>> ofThisStream() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.ofType(StaffAuthentication.class)
			.flatMap(staff -> Mono.firstWithValue(expiry(staff.credential()), revocation(staff)))
			.map(reason -> ServerSentEvent.builder("{\"reason\":\"" + reason + "\"}").event(ENDED).build());
	}

	private static Mono<String> expiry(Credential credential) {
		if (credential.endsAt().equals(Instant.MAX)) {
			return Mono.never();
		}
		Duration left = Duration.between(Instant.now(), credential.endsAt());
		return Mono.delay(left.isNegative() ? Duration.ZERO : left).thenReturn("expired");
	}

	/** Through the revocations' short cache: many streams of one person cost one read per cache period. */
	private Mono<String> revocation(StaffAuthentication staff) {
		StaffMember member = staff.getPrincipal();
		if (member.tenant() == null) {
			return Mono.never();
		}
		return Flux.interval(properties.statusCheck())
			.concatMap(tick -> revocations.isRevoked(member.tenant(), member.subject(), staff.credential().issuedAt()))
			.filter(revoked -> revoked)
			.next()
			.thenReturn("revoked");
	}
}

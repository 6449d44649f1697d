package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.Credential;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The status tick ends exactly the streams whose credential ended: the tab opened before
 * its holder was re-roled, not the same person's tab opened after; the expired token's;
 * each with the reason. The person's revocation is read once for both tabs, and each tab
 * is judged by its own credential.
 */
class EndedCredentialsTests extends PlatformTest {

	@Autowired
	Streams streams;

	@Test
	void statusTickWhenOneTabPredatesItsHoldersRevocationAndAnotherTokenExpiredThenExactlyThoseEnd() throws Exception {
		TestTenant association = TestTenants.register("ended");
		Instant now = Instant.now();
		StaffMember reRoled = member(association, "re-roled");
		StaffMember expiring = member(association, "expiring");
		revoke(association, reRoled.subject(), now.minusSeconds(30));

		Mono<List<String>> openedBefore = ended(reRoled, new Credential(now.minusSeconds(60), now.plusSeconds(3600)));
		Mono<List<String>> openedAfter = ended(reRoled, new Credential(now, now.plusSeconds(3600)));
		Mono<List<String>> expired = ended(expiring, new Credential(now.minusSeconds(60), now.plusSeconds(1)));

		// Two status ticks (5 s each) are enough for both to end.
		List<List<String>> ends = Mono.zip(openedBefore, openedAfter, expired)
			.map(all -> List.of(all.getT1(), all.getT2(), all.getT3()))
			.block(Duration.ofSeconds(30));
		assertThat(ends).containsExactly(List.of("event:credential-ended\ndata:{\"reason\":\"revoked\"}\n\n"),
				List.of("still open"), List.of("event:credential-ended\ndata:{\"reason\":\"expired\"}\n\n"));
	}

	/** The stream's terminal frames within 12 s, or "still open". */
	private Mono<List<String>> ended(StaffMember member, Credential credential) {
		Flux<Frame> frames = streams.of(member, credential, null, 64);
		return frames.filter(frame -> LiveStreams.ENDED.equals(frame.event()))
			.map(frame -> StandardCharsets.UTF_8.decode(frame.bytes().duplicate()).toString())
			.collectList()
			.timeout(Duration.ofSeconds(12), Mono.just(List.of("still open")));
	}

	private static StaffMember member(TestTenant association, String who) {
		return new StaffMember(who + "-" + association.slug(), who + "@" + association.slug(), association.id(),
				association.slug(), Set.of(StreamTests.COMMITTEE));
	}

	/** What tenant-admin records when it removes or re-roles the person. */
	private static void revoke(TestTenant association, String subject, Instant at) throws Exception {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement insert = superuser.prepareStatement("""
						insert into control.staff_revocation (tenant_id, subject, revoked_at, reason)
						values (?, ?, ?, 'roles-changed')""")) {
			insert.setObject(1, association.id().value());
			insert.setString(2, subject);
			insert.setTimestamp(3, Timestamp.from(at));
			insert.executeUpdate();
		}
	}

}

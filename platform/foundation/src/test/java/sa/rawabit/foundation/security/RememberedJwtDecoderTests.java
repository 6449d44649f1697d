package sa.rawabit.foundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A verified token is not verified again until it expires; a refused one is never
 * remembered; room is bounded.
 */
class RememberedJwtDecoderTests {

	static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

	final AtomicInteger verifications = new AtomicInteger();

	/**
	 * Stands in for signature and claim checks: "bad…" is refused, anything else expires
	 * 5 minutes from NOW.
	 */
	final ReactiveJwtDecoder verifier = token -> Mono.defer(() -> {
		verifications.incrementAndGet();
		return token.startsWith("bad") ? Mono.error(new BadJwtException("signature"))
				: Mono.just(Jwt.withTokenValue(token)
					.header("alg", "RS256")
					.subject(token)
					.issuedAt(NOW)
					.expiresAt(NOW.plus(Duration.ofMinutes(5)))
					.build());
	});

	@Test
	void decodeWhenSameTokenAgainWhileValidThenVerifiedOnce() {
		RememberedJwtDecoder decoder = new RememberedJwtDecoder(verifier, 10, at(NOW));

		StepVerifier.create(decoder.decode("a").then(Mono.defer(() -> decoder.decode("a"))))
			.assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("a"))
			.verifyComplete();

		assertThat(verifications).hasValue(1);
	}

	@Test
	void decodeWhenRememberedTokenExpiredThenVerifiedAgainAndRefused() {
		MovingClock clock = new MovingClock(NOW);
		ReactiveJwtDecoder expiring = token -> verifier.decode(token)
			.filter(jwt -> clock.instant().isBefore(jwt.getExpiresAt()))
			.switchIfEmpty(Mono.error(new BadJwtException("expired")));
		RememberedJwtDecoder decoder = new RememberedJwtDecoder(expiring, 10, clock);
		decoder.decode("a").block();

		clock.now = NOW.plus(Duration.ofMinutes(5));

		StepVerifier.create(decoder.decode("a")).verifyError(BadJwtException.class);
		assertThat(verifications).hasValue(2);
	}

	@Test
	void decodeWhenTokenRefusedThenNotRememberedAndRefusedAgain() {
		RememberedJwtDecoder decoder = new RememberedJwtDecoder(verifier, 10, at(NOW));

		StepVerifier.create(decoder.decode("bad")).verifyError(BadJwtException.class);
		StepVerifier.create(decoder.decode("bad")).verifyError(BadJwtException.class);

		assertThat(verifications).hasValue(2);
		assertThat(decoder.size()).isZero();
	}

	@Test
	void decodeWhenMoreTokensThanRoomThenBoundedAndEachStillAnsweredRight() {
		RememberedJwtDecoder decoder = new RememberedJwtDecoder(verifier, 10, at(NOW));

		for (int i = 0; i < 100; i++) {
			assertThat(decoder.decode("t" + i).block().getSubject()).isEqualTo("t" + i);
		}

		assertThat(decoder.size()).isLessThanOrEqualTo(10);
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	/** A clock the test moves. */
	static final class MovingClock extends Clock {

		volatile Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}

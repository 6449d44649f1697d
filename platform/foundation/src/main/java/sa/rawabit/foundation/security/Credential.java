package sa.rawabit.foundation.security;

import java.time.Instant;

/**
 * The time span of what a request was authenticated with.
 *
 * @param issuedAt a bearer token's {@code iat}; for a page session, when its person
 * signed in
 * @param endsAt a bearer token's {@code exp}; for a page session, sign-in plus the
 * sessions' absolute lifetime
 */
public record Credential(Instant issuedAt, Instant endsAt) {
}

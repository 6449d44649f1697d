package sa.rawabit.foundation.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Whether a credential predates the last change of its holder's membership or roles in
 * the association ({@code control.staff_revocation}, written by tenant-admin). Read
 * through a cache of a few seconds per person, so removing or re-roling someone takes
 * effect on every replica within that time plus one request, without a database read per
 * request.
 */
public final class MemberRevocations {

	public static final ProblemType REVOKED = new ProblemType("credential-revoked", HttpStatus.UNAUTHORIZED,
			"Your membership or roles in this association changed: sign in again",
			"تغيّرت عضويتك أو أدوارك في هذه الجمعية: سجّل الدخول من جديد");

	private final Transactions transactions;

	private final DatabaseClient database;

	private final Duration cacheFor;

	private final Map<String, Mono<Optional<Instant>>> cache = new ConcurrentHashMap<>();

	public MemberRevocations(Transactions transactions, DatabaseClient database, Duration cacheFor) {
		this.transactions = transactions;
		this.database = database;
		this.cacheFor = cacheFor;
	}

	/**
	 * Completes when the credential issued at {@code issuedAt} still stands, else fails
	 * with {@link #REVOKED}. Tokens carry whole seconds: a credential issued in the same
	 * second as the change is still admitted.
	 */
	public Mono<Void> admit(TenantId tenant, String subject, Instant issuedAt) {
		return isRevoked(tenant, subject, issuedAt).flatMap(revoked -> revoked
				? Mono.error(new ProblemException(REVOKED, REVOKED.titleEn(), REVOKED.titleAr(), null)) : Mono.empty());
	}

	public Mono<Boolean> isRevoked(TenantId tenant, String subject, Instant issuedAt) {
		return revokedAt(tenant, subject).map(revokedAt -> revokes(revokedAt, issuedAt));
	}

	/**
	 * When the person's membership or roles last changed, if ever: for a caller checking
	 * several of the person's credentials at once ({@link #revokes}).
	 */
	public Mono<Optional<Instant>> revokedAt(TenantId tenant, String subject) {
		return cache.computeIfAbsent(tenant.value() + " " + subject, key -> lookup(tenant, subject));
	}

	/**
	 * Whether a change at {@code revokedAt} revokes a credential issued at
	 * {@code issuedAt}, compared in whole seconds as tokens carry them.
	 */
	public static boolean revokes(Optional<Instant> revokedAt, Instant issuedAt) {
		Instant issuedSecond = issuedAt.truncatedTo(ChronoUnit.SECONDS);
		return revokedAt.map(at -> at.truncatedTo(ChronoUnit.SECONDS).isAfter(issuedSecond)).orElse(false);
	}

	private Mono<Optional<Instant>> lookup(TenantId tenant, String subject) {
		return transactions
			.inTenant(database
				.sql("select revoked_at from control.staff_revocation where tenant_id = $1 and subject = $2")
				.bind(0, tenant.value())
				.bind(1, subject)
				.map(row -> row.get("revoked_at", OffsetDateTime.class).toInstant())
				.one())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.contextWrite(TenantContext.of(tenant))
			.cache(found -> cacheFor, error -> Duration.ZERO, () -> Duration.ZERO);
	}

}

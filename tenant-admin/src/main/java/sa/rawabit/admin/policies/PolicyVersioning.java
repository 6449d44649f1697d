package sa.rawabit.admin.policies;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.digest.Digests;
import sa.rawabit.admin.identity.IdentityDirectory;
import sa.rawabit.admin.tenants.TenantRegistry;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.input.InputText;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.diff.PolicyDiff;
import sa.rawabit.policy.reading.PolicyProblem;
import sa.rawabit.policy.reading.PolicyReader;
import sa.rawabit.policy.reading.ReadResult;

/**
 * The lifecycle of the current association's policy versions. Publishing is one
 * transaction that validates again, supersedes the version in force, publishes the draft,
 * names it in the tenant registry and wakes every platform replica
 * ({@code NOTIFY policy_published}) — or changes nothing.
 */
@Service
public class PolicyVersioning {

	/**
	 * Far above any real policy (the seeds are 5–10 KiB), small enough to keep a bad
	 * upload cheap.
	 */
	public static final int MAX_SOURCE_BYTES = 256 * 1024;

	static final ProblemType CONCURRENT = new ProblemType("policy-publication-conflict", HttpStatus.CONFLICT,
			"Another version was published at the same time; review and try again",
			"اعتُمد إصدار آخر في الوقت نفسه؛ راجع وأعد المحاولة");

	private final PolicyVersions versions;

	private final TenantRegistry tenants;

	private final Transactions transactions;

	private final DatabaseClient database;

	private final Clock clock;

	private final RoleRemovals roleRemovals;

	private final IdentityDirectory identity;

	PolicyVersioning(PolicyVersions versions, TenantRegistry tenants, Transactions transactions,
			DatabaseClient database, Clock clock, RoleRemovals roleRemovals, IdentityDirectory identity) {
		this.roleRemovals = roleRemovals;
		this.identity = identity;
		this.versions = versions;
		this.tenants = tenants;
		this.transactions = transactions;
		this.database = database;
		this.clock = clock;
	}

	/**
	 * Stores a draft even when it has problems: the administrator fixes it and uploads
	 * again.
	 */
	public Mono<PolicyVersion> upload(String source, String actor) {
		if (source.getBytes(StandardCharsets.UTF_8).length > MAX_SOURCE_BYTES) {
			return Mono.error(new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
					"A policy file may be at most " + MAX_SOURCE_BYTES / 1024 + " KiB",
					"الحد الأعلى لملف السياسة " + MAX_SOURCE_BYTES / 1024 + " كيلوبايت", "source"));
		}
		if (!InputText.isClean(source)) {
			// A binary file or a NUL byte: PostgreSQL cannot store it and no reader could
			// make a policy of it.
			return Mono.error(InputText.invalid("source"));
		}
		return transactions
			.inTenant(TenantContext.require()
				.zipWith(versions.nextNumber())
				.flatMap(next -> versions.insertDraft(new PolicyVersion(PolicyVersionId.random(), next.getT1(),
						next.getT2(), PolicyVersionStatus.DRAFT, source, Digests.sha256Hex(source), actor,
						clock.instant(), null, null, null, null))))
			.onErrorMap(DataIntegrityViolationException.class, race -> conflict());
	}

	public Mono<List<PolicyProblem>> validate(PolicyVersionId id) {
		return transactions.inTenant(found(versions.findById(id)).flatMap(this::problemsOf));
	}

	public Mono<PolicyDiff> diff(PolicyVersionId id) {
		return transactions
			.inTenant(found(versions.findById(id))
				.zipWith(versions.findInForce().map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())))
			.map(pair -> {
				String before = pair.getT2().map(PolicyVersion::source).orElse(null);
				String after = pair.getT1().source();
				return PolicyDiff.between(before, before == null ? null : parse(before), after, parse(after));
			});
	}

	public Mono<PolicyVersion> publish(PolicyVersionId id, BoardApproval approval, String actor) {
		Instant now = clock.instant();
		return transactions
			.inTenant(found(versions.lockById(id)).doOnNext(PolicyVersion::requireDraft)
				.flatMap(draft -> problemsOf(draft).flatMap(problems -> problems.isEmpty() ? Mono.just(draft)
						: Mono.error(new PolicyRejectedException(problems))))
				.flatMap(draft -> roleGroups(draft).thenReturn(draft))
				.flatMap(draft -> versions.lockInForce()
					.flatMap(current -> versions.updateLifecycle(current.supersede(now)))
					.then(versions.updateLifecycle(draft.publish(approval, actor, now))))
				.flatMap(published -> tenants.recordPolicyInForce(published.tenant(), published.id().value(), now)
					.then(notifyReplicas(published.tenant()))
					.thenReturn(published)))
			.onErrorMap(DataIntegrityViolationException.class, race -> conflict());
	}

	public Mono<Void> discard(PolicyVersionId id) {
		return transactions.inTenant(found(versions.lockById(id)).doOnNext(PolicyVersion::requireDraft)
			.flatMap(draft -> versions.deleteDraft(id))
			.then());
	}

	public Mono<PolicyVersion> get(PolicyVersionId id) {
		return transactions.inTenant(found(versions.findById(id)));
	}

	public Mono<PolicyVersion> inForce() {
		return transactions.inTenant(versions.findInForce());
	}

	/** The policy in force, read; empty while the association has none. */
	public Mono<Policy> policyInForce() {
		return inForce().mapNotNull(version -> parse(version.source()));
	}

	public Flux<PolicyVersion> history() {
		return transactions.inTenantMany(versions.findAll());
	}

	/**
	 * Problems of the file itself, plus those the file cannot know: it must be this
	 * association's, and it may not drop a role of its own that staff still hold.
	 */
	private Mono<List<PolicyProblem>> problemsOf(PolicyVersion version) {
		ReadResult read = PolicyReader.read(version.source());
		if (!read.isValid()) {
			return Mono.just(read.problems());
		}
		return tenants.find(version.tenant()).flatMap(tenant -> {
			List<PolicyProblem> problems = new ArrayList<>();
			String slug = read.orElseThrow().association().slug();
			if (!slug.equals(tenant.slug())) {
				int line = lineOf(version.source(), "slug:");
				problems.add(new PolicyProblem("association.slug", line, 1, "other-association",
						"السياسة تخص جمعية أخرى (" + slug + ") وليست " + tenant.slug(),
						"The policy names association '" + slug + "', not '" + tenant.slug() + "'"));
				return Mono.just(problems);
			}
			return versions.findInForce()
				.mapNotNull(current -> parse(current.source()))
				.flatMapMany(current -> roleRemovals.problems(slug, current, read.orElseThrow(), version.source()))
				.collectList()
				.map(removals -> {
					problems.addAll(removals);
					return problems;
				});
		});
	}

	/**
	 * Creates the Keycloak group of every role the version declares, before it is in
	 * force: a role in force must be one the tenant administrator can give. Idempotent,
	 * so a failed publication that is retried finds the groups already there.
	 */
	private Mono<Set<String>> roleGroups(PolicyVersion draft) {
		Policy policy = parse(draft.source());
		Set<String> own = policy.roles().stream().map(role -> role.id().value()).collect(Collectors.toSet());
		return own.isEmpty() ? Mono.just(Set.of()) : identity.ensureRoleGroups(policy.association().slug(), own);
	}

	private Mono<Void> notifyReplicas(TenantId tenant) {
		return database.sql("select pg_notify('policy_published', $1)")
			.bind(0, tenant.value().toString())
			.map(row -> 1)
			.first()
			.then();
	}

	private static Mono<PolicyVersion> found(Mono<PolicyVersion> version) {
		return version.switchIfEmpty(Mono.error(() -> new ProblemException(ProblemType.NOT_FOUND,
				"No such policy version for this association", "لا يوجد هذا الإصدار لدى الجمعية", "id")));
	}

	private static Policy parse(String source) {
		return PolicyReader.read(source).asOptional().orElse(null);
	}

	static int lineOf(String source, String key) {
		List<String> lines = source.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).strip().startsWith(key)) {
				return i + 1;
			}
		}
		return 1;
	}

	private static ProblemException conflict() {
		return new ProblemException(CONCURRENT, CONCURRENT.titleEn(), CONCURRENT.titleAr(), null);
	}

}

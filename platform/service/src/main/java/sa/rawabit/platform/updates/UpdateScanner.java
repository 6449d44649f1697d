package sa.rawabit.platform.updates;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.audit.AuditTrail;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.requests.RequestBeneficiaries;
import sa.rawabit.platform.updates.UpdateRecords.Association;
import sa.rawabit.platform.updates.UpdateRecords.Published;
import sa.rawabit.platform.updates.UpdateRecords.ToolVersion;
import sa.rawabit.policy.Text;
import sa.rawabit.policy.Tool;

/**
 * Compares what each association has published (policy version in force, newest tool
 * documents) with the watermarks of what was already announced, and announces what is
 * new. Everything it decides is in the database, so a restart or a second replica
 * scanning at the same moment changes nothing: a notice is unique per change, a recipient
 * per notice, and only the scan whose insert succeeded sends.
 */
@Service
class UpdateScanner {

	static final String SUBJECT = "update-notice";

	static final String ACTOR = "system:updates";

	private static final Logger log = LoggerFactory.getLogger(UpdateScanner.class);

	/**
	 * The mark that an association was scanned once, so anything without a watermark is
	 * new since.
	 */
	private static final String SCANNED = "tenant:*";

	private final UpdateRecords records;

	private final Transactions transactions;

	private final PoliciesInForce policies;

	private final RequestBeneficiaries requests;

	private final UpdateTeller teller;

	private final AuditTrail audit;

	private final UpdatesProperties properties;

	private final Clock clock;

	UpdateScanner(UpdateRecords records, Transactions transactions, PoliciesInForce policies,
			RequestBeneficiaries requests, UpdateTeller teller, AuditTrail audit, UpdatesProperties properties,
			Clock clock) {
		this.records = records;
		this.transactions = transactions;
		this.policies = policies;
		this.requests = requests;
		this.teller = teller;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Scans every active association; returns how many beneficiaries this call told (or
	 * tried to).
	 */
	Mono<Long> scanAll() {
		return transactions.asSystemMany("update-scan", records.activeTenants())
			.concatMap(association -> scan(association).onErrorResume(error -> {
				log.warn("Update scan of association {} failed; the next scan retries", association.id(), error);
				return Mono.just(0L);
			}))
			.reduce(0L, Long::sum);
	}

	/** Scans one association now (it just published); nothing when it is not active. */
	Mono<Long> scanOne(TenantId tenant) {
		return transactions.asSystem("update-scan", records.activeTenant(tenant)).flatMap(this::scan);
	}

	Mono<Long> scan(Association association) {
		return transactions.inTenant(records.watermarks())
			.flatMap(marks -> marks.containsKey(SCANNED) ? announceNew(association, marks) : baseline().thenReturn(0L))
			.contextWrite(TenantContext.of(association.id()));
	}

	/**
	 * The first scan of an association: what is published now was in force before anyone
	 * was told of it.
	 */
	private Mono<Void> baseline() {
		Instant now = clock.instant();
		return transactions
			.inTenant(records.policyInForce()
				.flatMap(policy -> records.baseline(Change.POLICY, Change.POLICY, policy.number(), now))
				.thenMany(records.latestTools())
				.concatMap(tool -> records.baseline(Change.TOOL, tool.toolId(), tool.version(), now))
				.then(records.baseline("tenant", "*", 0, now))
				.thenReturn(true))
			.then();
	}

	private Mono<Long> announceNew(Association association, Map<String, Integer> marks) {
		Mono<Long> policy = transactions.inTenant(records.policyInForce())
			.filter(published -> published.number() > marks.getOrDefault(Change.POLICY + ":" + Change.POLICY, 0))
			.flatMap(published -> policyChanges(association, published)
				.flatMap(changes -> announce(association, changes, Change.POLICY, Change.POLICY, published.number())));
		Flux<Long> tools = transactions.inTenantMany(records.latestTools())
			.filter(tool -> tool.version() > marks.getOrDefault(Change.TOOL + ":" + tool.toolId(), 0))
			.concatMap(tool -> toolChange(association, tool)
				.flatMap(changes -> announce(association, changes, Change.TOOL, tool.toolId(), tool.version())));
		return policy.concatWith(tools).reduce(0L, Long::sum);
	}

	/**
	 * Nothing changed with a first version; otherwise compare with the version it
	 * superseded.
	 */
	private Mono<List<Change>> policyChanges(Association association, Published published) {
		if (published.number() == 1) {
			return Mono.just(List.of());
		}
		return transactions.inTenant(records.versionBefore(published.number()))
			.flatMap(before -> Mono.zip(version(association, before), version(association, published.id())))
			.map(pair -> PolicyChanges.between(pair.getT1(), pair.getT2()))
			.defaultIfEmpty(List.of());
	}

	private Mono<LoadedPolicy> version(Association association, UUID id) {
		return policies.version(association.id(), new PolicyVersionId(id));
	}

	/**
	 * A new version of a public document; a first version or an internal one is no news
	 * to beneficiaries.
	 */
	private Mono<List<Change>> toolChange(Association association, ToolVersion tool) {
		if (tool.version() == 1 || !tool.isPublic()) {
			return Mono.just(List.of());
		}
		return policies.inForce(association.id())
			.map(policy -> toolName(policy, tool.toolId()))
			.defaultIfEmpty(new Text(tool.toolId(), tool.toolId()))
			.map(name -> {
				String link = properties.publicBaseUrl() + "/public/" + association.slug() + "/documents/"
						+ tool.toolId();
				String note = tool.changeNote() == null ? "" : tool.changeNote();
				return List.of(new Change(Change.TOOL, tool.toolId(), tool.version(), null,
						"صدرت نسخة جديدة (" + tool.version() + ") من «" + name.ar() + "»"
								+ (note.isEmpty() ? "" : ": " + note) + ". للاطلاع عليها: " + link,
						"A new version (" + tool.version() + ") of \"" + name.enOrAr() + "\" was published"
								+ (note.isEmpty() ? "" : ": " + note) + ". Read it at " + link,
						null));
			});
	}

	private static Text toolName(LoadedPolicy policy, String toolId) {
		return policy.policy()
			.tools()
			.stream()
			.filter(tool -> tool.id().value().equals(toolId))
			.map(Tool::names)
			.findFirst()
			.orElse(new Text(toolId, toolId));
	}

	/**
	 * Stores the notices, their recipients, their queued messages and the watermark in
	 * one transaction. A notice another scan stored first is left to that scan. A new
	 * policy version's service changes come before its policy notice: whoever is told
	 * that a service they wait on changed (the message names the new version) is not told
	 * the same version again.
	 */
	private Mono<Long> announce(Association association, List<Change> changes, String kind, String subject,
			int version) {
		Instant now = clock.instant();
		Set<UUID> toldOfAService = new HashSet<>();
		return transactions.inTenant(Flux.fromIterable(changes)
			.concatMap(change -> records.insertNotice(change, now)
				.flatMapMany(notice -> audit.append(audited(change, notice, now))
					.thenMany(audience(association, change, notice, toldOfAService))))
			.collectList()
			.flatMap(pending -> records.watermark(kind, subject, version, now)
				.then(teller.tell(pending))
				.thenReturn((long) pending.size())));
	}

	private Flux<Pending> audience(Association association, Change change, UUID notice, Set<UUID> toldOfAService) {
		boolean policy = Change.POLICY.equals(change.kind());
		return requests.withOpenRequests(change.audienceService())
			.filter(filed -> !policy || !toldOfAService.contains(filed.beneficiary().value()))
			.concatMap(filed -> records.insertRecipient(notice, filed.beneficiary().value())
				.filter(Boolean::booleanValue)
				.map(inserted -> new Pending(notice, change, filed, association.nameAr())))
			.doOnNext(pending -> {
				if (Change.SERVICE.equals(change.kind())) {
					toldOfAService.add(pending.filed().beneficiary().value());
				}
			});
	}

	private static AuditEvent audited(Change change, UUID notice, Instant at) {
		return new AuditEvent(at, ACTOR, "update.announced", SUBJECT, notice, null, null,
				change.policyVersion() == null ? null : change.policyVersion().toString(), Map.of("kind", change.kind(),
						"subject", change.subject(), "version", Integer.toString(change.version())));
	}

}

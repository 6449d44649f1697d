package sa.rawabit.platform.tools;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.tenancy.TenantDirectory;

/**
 * The tools the association's policy in force names, each with its latest uploaded
 * version. Staff read any version of a tool the policy names; the public reads only a
 * latest version marked public. A document whose tool the policy no longer names is not
 * offered.
 */
@Service
public class ToolShelf {

	private final PoliciesInForce policies;

	private final ToolDocumentRecords records;

	private final TenantDirectory tenants;

	private final Transactions transactions;

	ToolShelf(PoliciesInForce policies, ToolDocumentRecords records, TenantDirectory tenants,
			Transactions transactions) {
		this.policies = policies;
		this.records = records;
		this.tenants = tenants;
		this.transactions = transactions;
	}

	/**
	 * Every tool of the policy in force, in the policy's order; empty without a policy in
	 * force.
	 */
	public Mono<List<ShelfItem>> shelf(TenantId tenant) {
		return policies.inForce(tenant)
			.map(loaded -> loaded.policy().tools())
			.defaultIfEmpty(List.of())
			.zipWith(transactions.inTenantMany(records.latest())
				.collectMap(ToolDocument::toolId, Function.identity())
				.contextWrite(TenantContext.of(tenant)))
			.map(found -> found.getT1()
				.stream()
				.map(tool -> new ShelfItem(tool, found.getT2().get(tool.id().value())))
				.toList());
	}

	/**
	 * The tools whose latest version beneficiaries may download: the public page and
	 * answer attachments.
	 */
	public Mono<List<ShelfItem>> publicShelf(TenantId tenant) {
		return shelf(tenant).map(items -> items.stream()
			.filter(item -> item.latest() != null && item.latest().publicDocument())
			.toList());
	}

	/**
	 * For staff: a version (latest when null) of a tool the policy in force names; its
	 * content is not read here.
	 */
	Mono<DocumentDownload> forStaff(TenantId tenant, String toolId, @Nullable Integer version) {
		return named(tenant, toolId).flatMap(
				named -> transactions.inTenant(records.find(toolId, version)).contextWrite(TenantContext.of(tenant)))
			.map(document -> new DocumentDownload(tenant, document))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("tool document")));
	}

	/**
	 * For the public: a version (the latest when null) only when that version is marked
	 * public and the association is served, decided from the version's row without its
	 * content. An answer links the version it attached, so a later upload does not change
	 * what the beneficiary was sent.
	 */
	Mono<DocumentDownload> forPublic(String slug, String toolId, @Nullable Integer version) {
		return tenants.findBySlug(slug)
			.filter(tenant -> tenant.status().isServed())
			.flatMap(tenant -> forStaff(tenant.id(), toolId, version).onErrorResume(ProblemException.class,
					none -> Mono.empty()))
			.filter(download -> download.document().publicDocument())
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("public document")));
	}

	private Mono<Boolean> named(TenantId tenant, String toolId) {
		return policies.inForce(tenant)
			.filter(loaded -> loaded.policy().tools().stream().anyMatch(tool -> tool.id().value().equals(toolId)))
			.map(loaded -> true);
	}

}

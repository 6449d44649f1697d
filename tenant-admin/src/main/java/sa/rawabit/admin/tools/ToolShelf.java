package sa.rawabit.admin.tools;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.policies.PolicyVersion;
import sa.rawabit.admin.policies.PolicyVersioning;
import sa.rawabit.admin.tools.ToolDocumentRows.StoredDocument;
import sa.rawabit.admin.tools.UploadForm.Upload;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.FieldProblem;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.Tool;
import sa.rawabit.policy.reading.PolicyReader;

/**
 * The current association's tool documents: every tool its policy in force names, with
 * the versions uploaded for it. An upload is checked completely (tool, size, type, name)
 * before one transaction stores it as the next version; anything refused stores nothing.
 */
@Service
class ToolShelf {

	static final ProblemType CONCURRENT = new ProblemType("tool-document-conflict", HttpStatus.CONFLICT,
			"Another version of this document was uploaded at the same time; reload and try again",
			"رُفع إصدار آخر من هذا المستند في الوقت نفسه؛ أعد تحميل الصفحة وحاول مجدداً");

	private final PolicyVersioning policies;

	private final ToolDocumentRows rows;

	private final Transactions transactions;

	private final Clock clock;

	ToolShelf(PolicyVersioning policies, ToolDocumentRows rows, Transactions transactions, Clock clock) {
		this.policies = policies;
		this.rows = rows;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The tools of the policy in force, in the policy's order; empty without a policy in
	 * force.
	 */
	Mono<List<ToolShelfEntry>> shelf() {
		return Mono.zip(tools(), transactions.inTenantMany(rows.findAll()).collectList()).map(found -> {
			Map<String, List<ToolVersion>> versions = found.getT2()
				.stream()
				.collect(Collectors.groupingBy(ToolVersion::toolId));
			return found.getT1()
				.stream()
				.map(tool -> new ToolShelfEntry(tool.id().value(), tool.names().ar(), tool.names().enOrAr(),
						versions.getOrDefault(tool.id().value(), List.of())))
				.toList();
		});
	}

	Mono<ToolVersion> upload(String toolId, UploadForm form, String actor) {
		return tool(toolId).then(form.checked()).flatMap(upload -> store(toolId, upload, actor));
	}

	Mono<StoredDocument> content(String toolId, int version) {
		return transactions.inTenant(rows.content(toolId, version))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("tool document version")));
	}

	private Mono<ToolVersion> store(String toolId, Upload upload, String actor) {
		return transactions
			.inTenant(TenantContext.require()
				.flatMap(tenant -> rows.insertNext(tenant, toolId, upload, actor, clock.instant())))
			.onErrorMap(DataIntegrityViolationException.class,
					race -> new ProblemException(CONCURRENT, CONCURRENT.titleEn(), CONCURRENT.titleAr(), "toolId"));
	}

	private Mono<Tool> tool(String toolId) {
		return tools().flatMap(
				tools -> Mono.justOrEmpty(tools.stream().filter(tool -> tool.id().value().equals(toolId)).findFirst()))
			.switchIfEmpty(Mono.error(() -> {
				String en = "The policy in force names no tool '" + toolId + "'";
				String ar = "لا تذكر السياسة النافذة أداة بالمعرّف '" + toolId + "'";
				return new ProblemException(ProblemType.NOT_FOUND, en, ar, "toolId",
						List.of(new FieldProblem("toolId", en, ar)));
			}));
	}

	private Mono<List<Tool>> tools() {
		return policies.inForce()
			.map(PolicyVersion::source)
			.map(source -> PolicyReader.read(source).asOptional().map(Policy::tools).orElse(List.of()))
			.defaultIfEmpty(List.of());
	}

}

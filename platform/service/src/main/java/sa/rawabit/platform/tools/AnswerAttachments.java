package sa.rawabit.platform.tools;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.tenancy.TenantDirectory;

/**
 * Public tool documents attached to an inquiry's answer: which tool and which version
 * went to the person, written in the answer's transaction, and the lines naming them
 * (with their public links) in the message the person receives.
 */
@Service
public class AnswerAttachments {

	private static final String CHOICE = "tool.";

	private final ToolShelf shelf;

	private final TenantDirectory tenants;

	private final DatabaseClient database;

	private final Transactions transactions;

	private final ToolsProperties properties;

	AnswerAttachments(ToolShelf shelf, TenantDirectory tenants, DatabaseClient database, Transactions transactions,
			ToolsProperties properties) {
		this.shelf = shelf;
		this.tenants = tenants;
		this.database = database;
		this.transactions = transactions;
		this.properties = properties;
	}

	/** The documents an officer may attach: tools whose latest version is public. */
	public Mono<List<ShelfItem>> attachable(TenantId tenant) {
		return shelf.publicShelf(tenant);
	}

	/**
	 * Records the latest public version of each chosen tool, inside the caller's tenant
	 * transaction.
	 * @throws ProblemException naming {@code tools} when one is not a public document of
	 * the policy in force
	 */
	public Mono<Void> attach(UUID inquiryId, Collection<String> toolIds, String actor, Instant at) {
		if (toolIds.isEmpty()) {
			return Mono.empty();
		}
		return TenantContext.require().flatMap(tenant -> attachable(tenant).flatMap(items -> {
			Map<String, ShelfItem> offered = items.stream()
				.collect(Collectors.toMap(ShelfItem::id, Function.identity()));
			if (!offered.keySet().containsAll(toolIds)) {
				return Mono
					.error(ProblemException.invalidField("tools", "Attach only documents the association publishes",
							"أرفق فقط المستندات التي تتيحها الجمعية للعموم"));
			}
			return Flux.fromIterable(toolIds)
				.concatMap(toolId -> database.sql("""
						insert into app.inquiry_tool_attachment (tenant_id, inquiry_id, tool_id, version, attached_by,
						                                         attached_at)
						values ($1, $2, $3, $4, $5, $6)""")
					.bind(0, tenant.value())
					.bind(1, inquiryId)
					.bind(2, toolId)
					.bind(3, offered.get(toolId).latest().version())
					.bind(4, actor)
					.bind(5, at)
					.then())
				.then();
		}));
	}

	/**
	 * What was attached to the inquiry's answer, named from the policy in force, with
	 * public links.
	 */
	public Mono<List<AttachedDocument>> of(UUID inquiryId) {
		return TenantContext.require()
			.flatMap(tenant -> Mono.zip(transactions.inTenantMany(database
				.sql("select tool_id, version from app.inquiry_tool_attachment where inquiry_id = $1 order by tool_id")
				.bind(0, inquiryId)
				.map(row -> Map.entry(row.get("tool_id", String.class), row.get("version", Integer.class)))
				.all()).collectList(), shelf.shelf(tenant), tenants.findById(tenant)).map(found -> {
					Map<String, ShelfItem> named = found.getT2()
						.stream()
						.collect(Collectors.toMap(ShelfItem::id, Function.identity()));
					return found.getT1().stream().map(row -> {
						ShelfItem item = named.get(row.getKey());
						String link = properties.publicBaseUrl()
							.resolve("/public/" + found.getT3().slug() + "/documents/" + row.getKey() + "/versions/"
									+ row.getValue())
							.toString();
						return new AttachedDocument(row.getKey(), row.getValue(),
								item == null ? row.getKey() : item.name(true),
								item == null ? row.getKey() : item.name(false), link);
					}).toList();
				}));
	}

	/**
	 * What the inquiry page shows: the documents the answer form offers and those an
	 * answer attached.
	 */
	public record AnswerTools(List<ShelfItem> attachable, List<AttachedDocument> attached) {
	}

	public Mono<AnswerTools> forInquiry(@Nullable TenantId tenant, UUID inquiryId) {
		if (tenant == null) {
			return Mono.just(new AnswerTools(List.of(), List.of()));
		}
		return Mono.zip(attachable(tenant), of(inquiryId), AnswerTools::new);
	}

	/** The tools an answer form chose: one {@code tool.<id>} field per checked box. */
	public static List<String> chosen(Map<String, String> form) {
		return form.keySet()
			.stream()
			.filter(key -> key.startsWith(CHOICE))
			.map(key -> key.substring(CHOICE.length()))
			.sorted()
			.toList();
	}

	/**
	 * The lines the answer message adds, in Arabic (the language of the answer): name,
	 * version, link.
	 */
	public static String message(List<AttachedDocument> documents) {
		if (documents.isEmpty()) {
			return "";
		}
		return documents.stream()
			.map(document -> "- " + document.nameAr() + " (الإصدار " + document.version() + "): " + document.link())
			.collect(Collectors.joining("\n", "\n\nالمستندات المرفقة:\n", ""));
	}

}

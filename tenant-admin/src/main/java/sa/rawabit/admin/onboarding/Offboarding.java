package sa.rawabit.admin.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.digest.Digests;
import sa.rawabit.admin.identity.IdentityDirectory;
import sa.rawabit.admin.identity.StaffAccount;
import sa.rawabit.admin.tenants.Association;
import sa.rawabit.admin.tenants.TenantRegistry;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.tenancy.TenantStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leaving the platform: the operator first downloads the association's export, then offboards it
 * quoting the export's SHA-256. The association must be suspended (so nothing changes in between) and
 * the export must still be exactly what they hold; only then are its Keycloak organization and its
 * rows deleted. Keycloak goes first: if the database step then fails, a retry finishes the job.
 */
@Service
public class Offboarding {

	static final ProblemType NOT_SUSPENDED = new ProblemType("offboarding-requires-suspension", HttpStatus.CONFLICT,
			"Suspend the association before offboarding it", "أوقف الجمعية قبل إنهاء اشتراكها");

	static final ProblemType EXPORT_CHANGED = new ProblemType("offboarding-export-mismatch", HttpStatus.CONFLICT,
			"The data changed since your export, or the checksum is wrong; export again",
			"تغيرت البيانات منذ التصدير أو أن البصمة خاطئة؛ صدّر من جديد");

	static final ProblemType EXPORT_NOT_SUSPENDED = new ProblemType("export-requires-suspension", HttpStatus.CONFLICT,
			"Suspend the association before exporting its data", "أوقف الجمعية قبل تصدير بياناتها");

	private final TenantRegistry registry;

	private final OperatorExports exports;

	private final IdentityDirectory identity;

	private final TenantData data;

	private final JsonMapper json;

	private final Transactions transactions;

	private final Clock clock;

	Offboarding(TenantRegistry registry, OperatorExports exports, IdentityDirectory identity, TenantData data,
			JsonMapper json, Transactions transactions, Clock clock) {
		this.registry = registry;
		this.exports = exports;
		this.transactions = transactions;
		this.identity = identity;
		this.data = data;
		this.json = json;
		this.clock = clock;
	}

	/** Everything the association has here; {@code sha256} covers all of it except the time of export. */
	public record Export(Association association, List<StaffAccount> staff, Map<String, JsonNode> tables,
			Instant exportedAt, String sha256) {
	}

	public record Offboarded(String slug, Map<String, Long> deletedRows, int staffRemoved) {
	}

	/**
	 * The operator's download of everything the association has: only while it is suspended, so nothing
	 * changes between the export and offboarding, and recorded for its tenant administrator (who, when) in
	 * the transaction that reads the rows, so the export holds the record of itself and offboarding, which
	 * exports again to compare, finds the same checksum.
	 */
	public Mono<Export> download(TenantId id, String operator) {
		return found(id).flatMap(association -> {
			if (association.status() != TenantStatus.SUSPENDED) {
				return Mono.error(new ProblemException(EXPORT_NOT_SUSPENDED, EXPORT_NOT_SUSPENDED.titleEn(),
						EXPORT_NOT_SUSPENDED.titleAr(), "status"));
			}
			return export(association,
					data.export(exports.record(id, new OperatorExports.Entry(operator, clock.instant()))));
		});
	}

	/** What offboarding compares the operator's checksum with; records nothing. */
	Mono<Export> export(TenantId id) {
		return found(id).flatMap(association -> export(association, data.export()));
	}

	private Mono<Export> export(Association association, Mono<Map<String, JsonNode>> tables) {
		return Mono
			.zip(identity.staff(association.slug()).collectList(), tables.contextWrite(TenantContext.of(association.id())))
			.map(parts -> {
				String digest = Digests.sha256Hex(json.writeValueAsString(List.of(association, parts.getT1(), parts.getT2())));
				return new Export(association, parts.getT1(), parts.getT2(), clock.instant(), digest);
			});
	}

	public Mono<Offboarded> offboard(TenantId id, String exportSha256) {
		return export(id).flatMap(export -> {
			if (export.association().status() != TenantStatus.SUSPENDED) {
				return Mono.error(new ProblemException(NOT_SUSPENDED, NOT_SUSPENDED.titleEn(), NOT_SUSPENDED.titleAr(),
						"status"));
			}
			if (!export.sha256().equals(exportSha256)) {
				return Mono.error(new ProblemException(EXPORT_CHANGED, EXPORT_CHANGED.titleEn(),
						EXPORT_CHANGED.titleAr(), "exportSha256"));
			}
			String slug = export.association().slug();
			return reactor.core.publisher.Flux.fromIterable(export.staff())
				.concatMap(member -> identity.removeStaff(slug, member.userId()))
				.then(identity.deleteAssociation(slug))
				.then(transactions.inTenant(data.delete(id).flatMap(rows -> registry.remove(id).thenReturn(rows)))
					.contextWrite(TenantContext.of(id)))
				.map(rows -> new Offboarded(slug, rows, export.staff().size()));
		});
	}

	private Mono<Association> found(TenantId id) {
		return registry.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("association")));
	}
}

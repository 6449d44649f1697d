package sa.rawabit.admin.onboarding;

import java.time.Clock;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.identity.IdentityDirectory;
import sa.rawabit.admin.tenants.Association;
import sa.rawabit.admin.tenants.TenantRegistry;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.tenancy.TenantStatus;

/**
 * Leaving the platform: the operator first downloads the association's export, then
 * offboards it quoting the export's SHA-256. The association must be suspended (so
 * nothing changes in between) and the export must still be exactly what they hold; only
 * then are its Keycloak organization and its rows deleted. Keycloak goes first: if the
 * database step then fails, a retry finishes the job.
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

	private final ExportDocument document;

	private final Transactions transactions;

	private final Clock clock;

	Offboarding(TenantRegistry registry, OperatorExports exports, IdentityDirectory identity, TenantData data,
			ExportDocument document, Transactions transactions, Clock clock) {
		this.registry = registry;
		this.exports = exports;
		this.transactions = transactions;
		this.identity = identity;
		this.data = data;
		this.document = document;
		this.clock = clock;
	}

	public record Offboarded(String slug, Map<String, Long> deletedRows, int staffRemoved) {
	}

	/**
	 * The operator's download of everything the association has ({@link ExportDocument},
	 * written as it is read): only while it is suspended, so nothing changes between the
	 * export and offboarding, and recorded for its tenant administrator (who, when) in
	 * the transaction that reads the rows, so the export holds the record of itself and
	 * offboarding, which reads everything again to compare, finds the same checksum.
	 */
	public Mono<Flux<byte[]>> download(TenantId id, String operator) {
		return suspended(id, EXPORT_NOT_SUSPENDED).flatMap(association -> identity.staff(association.slug())
			.collectList()
			.map(staff -> document.write(association, staff,
					exports.record(id, new OperatorExports.Entry(operator, clock.instant())))));
	}

	public Mono<Offboarded> offboard(TenantId id, String exportSha256) {
		return suspended(id, NOT_SUSPENDED).flatMap(association -> identity.staff(association.slug())
			.collectList()
			.flatMap(staff -> document.sha256(association, staff).flatMap(now -> {
				if (!now.equals(exportSha256)) {
					return Mono.error(new ProblemException(EXPORT_CHANGED, EXPORT_CHANGED.titleEn(),
							EXPORT_CHANGED.titleAr(), "exportSha256"));
				}
				String slug = association.slug();
				return Flux.fromIterable(staff)
					.concatMap(member -> identity.removeStaff(slug, member.userId()))
					.then(identity.deleteAssociation(slug))
					.then(transactions.inTenant(data.delete(id).flatMap(rows -> registry.remove(id).thenReturn(rows)))
						.contextWrite(TenantContext.of(id)))
					.map(rows -> new Offboarded(slug, rows, staff.size()));
			})));
	}

	private Mono<Association> suspended(TenantId id, ProblemType otherwise) {
		return found(id).flatMap(association -> association.status() == TenantStatus.SUSPENDED ? Mono.just(association)
				: Mono.error(new ProblemException(otherwise, otherwise.titleEn(), otherwise.titleAr(), "status")));
	}

	private Mono<Association> found(TenantId id) {
		return registry.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("association")));
	}

}

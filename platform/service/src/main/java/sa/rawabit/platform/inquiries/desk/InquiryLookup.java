package sa.rawabit.platform.inquiries.desk;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.inquiries.InquiriesProperties;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.inquiries.InquiryState;

/**
 * What the inquiry pages and API read: one inquiry, its assignment history and the lists.
 * Reading changes nothing, so it needs neither the policy nor the acknowledgement that
 * {@link InquiryDesk} asks before every move; only a desk role.
 */
@Component
class InquiryLookup {

	private final Transactions transactions;

	private final InquiryRecords records;

	private final InquiryAssignments assignments;

	private final InquiryHolders holders;

	private final InquiriesProperties properties;

	InquiryLookup(Transactions transactions, InquiryRecords records, InquiryAssignments assignments,
			InquiryHolders holders, InquiriesProperties properties) {
		this.transactions = transactions;
		this.records = records;
		this.assignments = assignments;
		this.holders = holders;
		this.properties = properties;
	}

	Mono<Inquiry> find(StaffMember staff, InquiryId id) {
		staff.requireAnyRole(InquiryDesk.STAFF);
		return transactions.inTenant(records.find(id))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("inquiry")));
	}

	Flux<InquiryAssignments.Assignment> history(InquiryId id) {
		return transactions.inTenantMany(assignments.assignments(id));
	}

	/**
	 * Every inquiry of the association, or only those held by the caller's roles or name
	 * ({@code mine}).
	 */
	Flux<Inquiry> list(StaffMember staff, boolean mine, @Nullable InquiryState state) {
		staff.requireAnyRole(InquiryDesk.STAFF);
		String[] roles = mine ? staff.roles().toArray(String[]::new) : null;
		Mono<String[]> names = mine ? holders.namesHeldBy(staff) : Mono.just(new String[0]);
		return transactions.inTenantMany(names
			.flatMapMany(usernames -> records.list(state, roles, mine ? usernames : null, properties.pageSize())));
	}

}

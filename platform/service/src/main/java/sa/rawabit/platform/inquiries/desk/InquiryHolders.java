package sa.rawabit.platform.inquiries.desk;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.inquiries.delegation.OfficerDelegations;
import sa.rawabit.policy.RoleKey;

/**
 * Whose inquiries a staff member holds today: their roles' and their own, and, while a
 * delegation runs, those of the absent officers they cover for. The list "mine" and the
 * right to answer or pass one on both ask here, so the two never disagree.
 */
@Component
class InquiryHolders {

	private final OfficerDelegations delegations;

	InquiryHolders(OfficerDelegations delegations) {
		this.delegations = delegations;
	}

	/** The caller's username and those of the officers they cover for today. */
	Mono<String[]> namesHeldBy(StaffMember staff) {
		return delegations.coveredBy(staff.username(), delegations.today()).map(covered -> {
			Set<String> all = new LinkedHashSet<>(covered);
			all.add(staff.username());
			return all.toArray(String[]::new);
		});
	}

	/**
	 * Top management, the holder, or today the delegate covering the absent named holder.
	 * In the caller's transaction.
	 */
	Mono<Boolean> mayAct(StaffMember staff, Inquiry inquiry) {
		if (staff.hasRole(RoleKey.TOP_MANAGEMENT.value()) || inquiry.officer().isHeldBy(staff)) {
			return Mono.just(true);
		}
		String holder = inquiry.officer().staff();
		return holder == null ? Mono.just(false)
				: delegations.coveredBy(staff.username(), delegations.today()).map(covered -> covered.contains(holder));
	}

}

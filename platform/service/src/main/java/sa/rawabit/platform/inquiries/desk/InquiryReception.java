package sa.rawabit.platform.inquiries.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.platform.beneficiaries.Beneficiary;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.deadlines.PolicyClocks;
import sa.rawabit.platform.inquiries.InquiriesProperties;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.inquiries.InquiryState;
import sa.rawabit.platform.inquiries.delegation.OfficerDelegations;
import sa.rawabit.platform.policy.LoadedPolicy;

/**
 * Where a new inquiry goes, decided before anything is stored: its asker and category,
 * the contact officer the policy's map routes it to today (or the delegate covering
 * them), and its answer clock. The desk then stores all of it in one tenant transaction.
 */
@Component
class InquiryReception {

	private final BeneficiaryRegistry beneficiaries;

	private final OfficerDelegations delegations;

	private final Transactions transactions;

	private final PolicyClocks clocks;

	private final InquiriesProperties properties;

	private final Clock clock;

	InquiryReception(BeneficiaryRegistry beneficiaries, OfficerDelegations delegations, Transactions transactions,
			PolicyClocks clocks, InquiriesProperties properties, Clock clock) {
		this.beneficiaries = beneficiaries;
		this.delegations = delegations;
		this.transactions = transactions;
		this.clocks = clocks;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A new inquiry, routed, with why it went to its officer and its answer clock when
	 * the policy sets one.
	 */
	record Routed(Inquiry inquiry, ContactOfficerRouting.Routed routing, Optional<AnswerClock> answerClock) {
	}

	/**
	 * Routes what was {@code received} under {@code loaded}, received by {@code by}; 400
	 * when it is not valid.
	 */
	Mono<Routed> route(LoadedPolicy loaded, NewInquiry received, String by) {
		return Mono.defer(() -> {
			received.requireValid(loaded.policy());
			Instant now = clock.instant();
			LocalDate today = clocks.day(now);
			return asker(received).map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.zipWith(transactions.inTenantMany(delegations.runningOn(today)).collectList())
				.map(found -> {
					Optional<Beneficiary> person = found.getT1();
					InquiryId id = InquiryId.random();
					String category = received.category() != null ? received.category()
							: person.map(Beneficiary::category).orElse(null);
					var routed = ContactOfficerRouting.route(loaded.policy().contactOfficers(), category,
							received.field(), today, found.getT2());
					Officer officer = routed.officer();
					var answerClock = AnswerClock.at(clocks, loaded, properties.answerDeadline(), id, now,
							InquiryJournal.audience(officer));
					Inquiry inquiry = new Inquiry(id, received.channel(), InquiryState.OPEN,
							received.question().strip(), received.beneficiary(), received.anonymousContact(), category,
							received.field(), officer, by, loaded.version(),
							answerClock.map(AnswerClock::dueBy).orElse(null), null, now, now);
					return new Routed(inquiry, routed, answerClock);
				});
		});
	}

	private Mono<Beneficiary> asker(NewInquiry received) {
		BeneficiaryId asked = received.beneficiary();
		if (asked == null) {
			return Mono.empty();
		}
		return beneficiaries.find(asked)
			.switchIfEmpty(Mono.error(() -> ProblemException.invalidField("beneficiaryId",
					"No such beneficiary in this association", "لا يوجد مستفيد بهذا المعرّف لدى الجمعية")));
	}

}

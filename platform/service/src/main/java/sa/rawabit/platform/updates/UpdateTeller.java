package sa.rawabit.platform.updates;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.platform.beneficiaries.Beneficiary;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.messaging.BeneficiaryMessenger;
import sa.rawabit.platform.messaging.Outgoing;
import sa.rawabit.platform.messaging.Recipient;
import sa.rawabit.platform.messaging.Told;

/**
 * Tells each beneficiary put on a notice, on the channel agreed with them (or the one
 * their request came through), through the messaging module, which respects their
 * consent. The message is queued in the notice's own transaction and sent after commit;
 * the recipient row says {@code queued} until {@link UpdateOutcomes} records the outcome.
 */
@Component
class UpdateTeller {

	/**
	 * The purpose of every update message, by which {@link UpdateOutcomes} knows its own.
	 */
	static final String PURPOSE = "update.notice";

	/**
	 * Who hears of a notice that could not reach someone: the officers who work with the
	 * beneficiaries.
	 */
	private static final String RELATIONS_OFFICER = "relations-officer";

	private final BeneficiaryRegistry registry;

	private final BeneficiaryMessenger messenger;

	private final UpdateRecords records;

	private final Clock clock;

	UpdateTeller(BeneficiaryRegistry registry, BeneficiaryMessenger messenger, UpdateRecords records, Clock clock) {
		this.registry = registry;
		this.messenger = messenger;
		this.records = records;
		this.clock = clock;
	}

	/** In the notice's tenant transaction. */
	Mono<Void> tell(List<Pending> pending) {
		return Flux.fromIterable(pending).concatMap(this::tell).then();
	}

	private Mono<Void> tell(Pending one) {
		var beneficiary = one.filed().beneficiary().value();
		return registry.find(one.filed().beneficiary())
			.flatMap(person -> messenger.tell(new Outgoing(PURPOSE, one.notice(), "beneficiary", beneficiary,
					Set.of(RELATIONS_OFFICER), reach(person, one), "تحديث من " + one.association(),
					one.association() + ": " + one.change().summaryAr())))
			.defaultIfEmpty(new Told(one.filed().channel(), "no-address", "beneficiary not found"))
			.flatMap(told -> records.told(one.notice(), beneficiary, told.channel(), told.outcome(), clock.instant()));
	}

	private static Recipient reach(Beneficiary person, Pending one) {
		String channel = person.contactChannel() == null ? one.filed().channel() : person.contactChannel();
		return new Recipient(channel, person.phone(), person.email(), person.consentGiven());
	}

}

package sa.rawabit.platform.updates;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.beneficiaries.Beneficiary;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.messaging.BeneficiaryMessenger;
import sa.rawabit.platform.messaging.Recipient;
import sa.rawabit.platform.messaging.Told;

/**
 * Tells each beneficiary put on a notice, on the channel agreed with them (or the one their request came
 * through), through the messaging ports, which respect their consent. Runs after the notice committed, so a
 * slow SMTP server never holds a transaction; the outcome is recorded on the recipient row.
 */
@Component
class UpdateTeller {

	private static final Logger log = LoggerFactory.getLogger(UpdateTeller.class);

	/** Messages in flight per scan: enough to hide SMTP latency, few enough not to flood the gateway. */
	private static final int CONCURRENCY = 4;

	private final BeneficiaryRegistry registry;

	private final BeneficiaryMessenger messenger;

	private final UpdateRecords records;

	private final Transactions transactions;

	private final Clock clock;

	UpdateTeller(BeneficiaryRegistry registry, BeneficiaryMessenger messenger, UpdateRecords records,
			Transactions transactions, Clock clock) {
		this.registry = registry;
		this.messenger = messenger;
		this.records = records;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Needs the tenant in the Reactor Context. */
	Mono<Void> tell(List<Pending> pending) {
		return Flux.fromIterable(pending).flatMap(this::tell, CONCURRENCY).then();
	}

	private Mono<Void> tell(Pending one) {
		return registry.find(one.filed().beneficiary())
			.flatMap(person -> messenger.tell(reach(person, one), "تحديث من " + one.association(),
					one.association() + ": " + one.change().summaryAr()))
			.defaultIfEmpty(new Told(one.filed().channel(), "no-address", "beneficiary not found"))
			.onErrorResume(error -> {
				log.warn("Telling a beneficiary of update notice {} failed", one.notice(), error);
				return Mono.just(new Told(one.filed().channel(), "failed", error.getClass().getSimpleName()));
			})
			.flatMap(told -> transactions.inTenant(records
				.told(one.notice(), one.filed().beneficiary().value(), told.channel(), told.outcome(), clock.instant())
				.thenReturn(true)))
			.then();
	}

	private static Recipient reach(Beneficiary person, Pending one) {
		String channel = person.contactChannel() == null ? one.filed().channel() : person.contactChannel();
		return new Recipient(channel, person.phone(), person.email(), person.consentGiven());
	}
}

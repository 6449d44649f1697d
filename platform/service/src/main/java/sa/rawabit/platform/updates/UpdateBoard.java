package sa.rawabit.platform.updates;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.beneficiaries.Beneficiary;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.beneficiaries.Confidentiality;

/**
 * What top management and the relations officers see of updates: the notices, newest first, and who
 * was told of one, with personal fields masked as the policy's confidentiality rules say for the reader.
 */
@Service
class UpdateBoard {

	static final String[] READERS = { "top-management", "relations-officer" };

	private static final int RECENT = 100;

	private final UpdateRecords records;

	private final Transactions transactions;

	private final BeneficiaryRegistry registry;

	private final Confidentiality confidentiality;

	UpdateBoard(UpdateRecords records, Transactions transactions, BeneficiaryRegistry registry,
			Confidentiality confidentiality) {
		this.records = records;
		this.transactions = transactions;
		this.registry = registry;
		this.confidentiality = confidentiality;
	}

	Flux<UpdateNotice> recent(StaffMember me) {
		me.requireAnyRole(READERS);
		return transactions.inTenantMany(records.recent(RECENT));
	}

	Mono<UpdateNotice> notice(StaffMember me, UUID id) {
		me.requireAnyRole(READERS);
		return transactions.inTenant(records.notice(id))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("update notice")));
	}

	Flux<ToldPerson> recipients(StaffMember me, UUID notice) {
		me.requireAnyRole(READERS);
		return confidentiality.maskedFor(me)
			.flatMapMany(masked -> transactions.inTenantMany(records.recipients(notice))
				.concatMap(told -> registry.find(new BeneficiaryId(told.beneficiary()))
					.map(person -> person.masked(masked))
					.map(person -> new ToldPerson(person.fullName(), address(person, told.channel()), told.channel(),
							told.outcome(), told.toldAt()))
					.defaultIfEmpty(new ToldPerson("—", null, told.channel(), told.outcome(), told.toldAt()))));
	}

	private static @Nullable String address(Beneficiary person, @Nullable String channel) {
		return "email".equals(channel) ? person.email() : "phone".equals(channel) ? person.phone() : null;
	}

	/** One recipient as the page shows them. */
	record ToldPerson(String name, @Nullable String address, @Nullable String channel, String outcome,
			@Nullable Instant toldAt) {
	}
}

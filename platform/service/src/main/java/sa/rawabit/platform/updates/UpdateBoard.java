package sa.rawabit.platform.updates;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.Channel;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Text;

/**
 * What top management and the relations officers see of updates: the notices, newest
 * first, and who was told of one, with personal fields masked as the policy's
 * confidentiality rules say for the reader.
 */
@Service
class UpdateBoard {

	static final String[] READERS = { RoleKey.TOP_MANAGEMENT.value(), RoleKey.RELATIONS_OFFICER.value() };

	private static final int RECENT = 100;

	private final UpdateRecords records;

	private final Transactions transactions;

	private final BeneficiaryRegistry registry;

	private final Confidentiality confidentiality;

	private final PoliciesInForce policies;

	UpdateBoard(UpdateRecords records, Transactions transactions, BeneficiaryRegistry registry,
			Confidentiality confidentiality, PoliciesInForce policies) {
		this.policies = policies;
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
		Mono<Map<String, Text>> channels = policies.inForce(me.tenant())
			.map(policy -> policy.policy()
				.channels()
				.stream()
				.collect(Collectors.toMap(channel -> channel.id().value(), Channel::names, (a, b) -> a)))
			.defaultIfEmpty(Map.of());
		return Mono.zip(confidentiality.maskedFor(me), channels)
			.flatMapMany(context -> transactions.inTenantMany(records.recipients(notice)).concatMap(told -> {
				Text channel = told.channel() == null ? null
						: context.getT2().getOrDefault(told.channel(), new Text(told.channel(), told.channel()));
				return registry.find(new BeneficiaryId(told.beneficiary()))
					.map(person -> person.masked(context.getT1()))
					.map(person -> new ToldPerson(person.fullName(), address(person, told.channel()), channel,
							told.outcome(), told.toldAt()))
					.defaultIfEmpty(new ToldPerson("—", null, channel, told.outcome(), told.toldAt()));
			}));
	}

	private static @Nullable String address(Beneficiary person, @Nullable String channel) {
		return "email".equals(channel) ? person.email() : "phone".equals(channel) ? person.phone() : null;
	}

	/** One recipient as the page shows them. */
	record ToldPerson(String name, @Nullable String address, @Nullable Text channel, String outcome,
			@Nullable Instant toldAt) {
	}

}

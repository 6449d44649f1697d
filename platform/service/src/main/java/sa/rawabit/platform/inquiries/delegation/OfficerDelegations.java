package sa.rawabit.platform.inquiries.delegation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.platform.policy.PolicyAcknowledgements;
import sa.rawabit.policy.RoleKey;

/**
 * Top management covers an officer's absence with a delegate for a date range. While it
 * runs, routing sends the absent officer's new inquiries to the delegate, and the
 * delegate may act on the absent officer's open inquiries (they show under "mine"); when
 * it ends they are the officer's again, and the history stays as it was written.
 */
@Service
public class OfficerDelegations {

	private final Transactions transactions;

	private final DelegationRecords records;

	private final TimeProperties properties;

	private final PolicyAcknowledgements acknowledgements;

	private final Clock clock;

	OfficerDelegations(Transactions transactions, DelegationRecords records, TimeProperties properties,
			PolicyAcknowledgements acknowledgements, Clock clock) {
		this.transactions = transactions;
		this.records = records;
		this.properties = properties;
		this.acknowledgements = acknowledgements;
		this.clock = clock;
	}

	/**
	 * What top management types: who is absent, who covers, from which day to which day,
	 * and why.
	 */
	static final int HORIZON_YEARS = 5;

	public record NewDelegation(@Nullable String absent, @Nullable String delegate, @Nullable String firstDay,
			@Nullable String lastDay, @Nullable String reason) {
	}

	/** Delegations running today or still to come, soonest first. */
	public Flux<Delegation> current(StaffMember me) {
		me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
		return transactions.inTenantMany(records.fromDay(today()));
	}

	/**
	 * Adds a delegation after checking every field; an absent officer or a delegate who
	 * is not known as this association's staff (never acknowledged its policy here) and
	 * an overlapping running delegation of the same absent officer are refused. Checked
	 * and stored in one transaction, so a refusal stores nothing.
	 */
	public Mono<Delegation> add(StaffMember me, NewDelegation typed) {
		me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
		return Mono.fromCallable(() -> valid(me, typed))
			.flatMap(delegation -> transactions
				.inTenant(knownStaff("absent", delegation.absent()).then(knownStaff("delegate", delegation.delegate()))
					.then(records.lockFor(delegation.absent()))
					.thenMany(records.overlapping(delegation.absent(), delegation.firstDay(), delegation.lastDay()))
					.next()
					.flatMap(clash -> Mono.<Delegation>error(ProblemException.invalidField("firstDay",
							"Overlaps the delegation of " + clash.absent() + " to " + clash.delegate() + " from "
									+ clash.firstDay() + " to " + clash.lastDay(),
							"يتداخل مع تفويض " + clash.absent() + " إلى " + clash.delegate() + " من " + clash.firstDay()
									+ " إلى " + clash.lastDay())))
					.switchIfEmpty(records.insert(delegation).thenReturn(delegation))));
	}

	public Mono<Void> cancel(StaffMember me, UUID id) {
		me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
		return transactions.inTenant(records.cancel(id, me.username(), clock.instant()))
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("delegation")))
			.then();
	}

	/**
	 * Only staff who acknowledged this association's policy may act on its cases, so only
	 * they may cover an absence: a name of another association, or a mistyped one, would
	 * receive inquiries nobody answers. The absent officer likewise: a delegation for a
	 * name that is not staff here would route nothing, or name another association's
	 * staff in this one's records.
	 */
	private Mono<Void> knownStaff(String field, String username) {
		return acknowledgements.acknowledgedBy(username)
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> ProblemException.invalidField(field,
					username + " is not a staff member of this association who has acknowledged its policy",
					username + " ليس من منسوبي هذه الجمعية المقرّين بسياستها")))
			.then();
	}

	/**
	 * The delegations running on {@code day}, in the caller's transaction: what routing
	 * passes over.
	 */
	public Flux<Delegation> runningOn(LocalDate day) {
		return records.runningOn(day, null);
	}

	/**
	 * The absent officers {@code delegate} covers on {@code day}, in the caller's
	 * transaction.
	 */
	public Mono<Set<String>> coveredBy(String delegate, LocalDate day) {
		return records.runningOn(day, delegate).map(Delegation::absent).collect(Collectors.toSet());
	}

	/**
	 * The latest day a delegation may name: absences are planned in years, not centuries.
	 */
	private LocalDate horizon() {
		return today().plusYears(HORIZON_YEARS);
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), properties.zone());
	}

	private Delegation valid(StaffMember me, NewDelegation typed) {
		LocalDate first = day(typed.firstDay());
		LocalDate last = day(typed.lastDay());
		String absent = strip(typed.absent());
		String delegate = strip(typed.delegate());
		String reason = strip(typed.reason());
		new FieldChecks().required("absent", absent, 200)
			.required("delegate", delegate, 200)
			.check(typed.firstDay() != null && !typed.firstDay().isBlank() && first != null, "firstDay",
					"A day as YYYY-MM-DD", "يوم بصيغة YYYY-MM-DD")
			.check(typed.lastDay() != null && !typed.lastDay().isBlank() && last != null, "lastDay",
					"A day as YYYY-MM-DD", "يوم بصيغة YYYY-MM-DD")
			.check(first == null || last == null || !last.isBefore(first), "lastDay",
					"The last day comes before the first", "آخر يوم يسبق أول يوم")
			.check(last == null || !last.isBefore(today()), "lastDay", "The delegation would already be over",
					"سيكون التفويض قد انتهى")
			.check(first == null || !first.isAfter(horizon()), "firstDay", "At most " + HORIZON_YEARS + " years ahead",
					"خلال " + HORIZON_YEARS + " سنوات على الأكثر")
			.check(last == null || !last.isAfter(horizon()), "lastDay", "At most " + HORIZON_YEARS + " years ahead",
					"خلال " + HORIZON_YEARS + " سنوات على الأكثر")
			.check(absent == null || !absent.equals(delegate), "delegate",
					"The delegate must be someone other than the absent officer", "يجب أن يكون المفوَّض غير الغائب")
			.check(reason == null || reason.length() <= 500, "reason", "At most 500 characters", "الحد الأعلى 500 حرف")
			.orThrow();
		return new Delegation(UUID.randomUUID(), absent, delegate, first, last, reason, me.username(), clock.instant());
	}

	private static @Nullable LocalDate day(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException unreadable) {
			return null;
		}
	}

	private static @Nullable String strip(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}

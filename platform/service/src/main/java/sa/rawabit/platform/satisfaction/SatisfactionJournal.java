package sa.rawabit.platform.satisfaction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.policy.PolicyAcknowledgements;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Satisfaction;
import sa.rawabit.policy.Satisfaction.Instrument;

/**
 * The satisfaction instruments' side of the module, its public API for pages and the
 * evidence pack: survey results of the last twelve months, the policy's instruments with
 * when each was last held, and the records top management (or an instrument's owner)
 * writes down. Needs the association in the Reactor Context.
 */
@Service
public class SatisfactionJournal {

	static final int FINDINGS_MAX = 5000;

	static final int PLACE_MAX = 200;

	static final int PARTICIPANTS_MAX = 100_000;

	static final int LIST_SIZE = 100;

	static final ProblemType NO_POLICY = new ProblemType("no-policy-in-force", HttpStatus.CONFLICT,
			"The association has no policy in force", "لا توجد سياسة نافذة لدى الجمعية");

	private final PoliciesInForce policies;

	private final PolicyAcknowledgements acknowledgements;

	private final SatisfactionResults results;

	private final SatisfactionRecords records;

	private final SurveyCampaigns campaigns;

	private final Transactions transactions;

	private final Clock clock;

	private final TimeProperties time;

	SatisfactionJournal(PoliciesInForce policies, PolicyAcknowledgements acknowledgements, SatisfactionResults results,
			SatisfactionRecords records, SurveyCampaigns campaigns, Transactions transactions, Clock clock,
			TimeProperties time) {
		this.time = time;
		this.campaigns = campaigns;
		this.policies = policies;
		this.acknowledgements = acknowledgements;
		this.results = results;
		this.records = records;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Top management, and the owner role of any of the policy's instruments, may read.
	 */
	public Mono<SatisfactionOverview> overview(StaffMember me) {
		return Mono.defer(() -> {
			me.requireTenant();
			return policy(me).doOnNext(loaded -> requireReader(me, loaded.orElse(null)))
				.flatMap(loaded -> overview(loaded.orElse(null)));
		});
	}

	/**
	 * The same without a reader check, for features that did their own (the evidence
	 * pack).
	 */
	public Mono<SatisfactionOverview> overview(@Nullable LoadedPolicy policy) {
		YearMonth now = YearMonth.now(clock.withZone(time.zone()));
		YearMonth from = now.minusMonths(11);
		Mono<List<MonthlyResult>> months = results.monthly(from, now).collectList().map(found -> twelve(from, found));
		Mono<List<SatisfactionRecord>> latest = transactions.inTenantMany(records.latestPerSubject()).collectList();
		return Mono.zip(months, latest, campaigns.lastLaunched(), campaigns.results().collectList()).map(all -> {
			LocalDate today = LocalDate.now(clock.withZone(time.zone()));
			// A campaign of a questionnaire counts as its latest session, like a record
			// written down.
			Map<String, LocalDate> last = new HashMap<>(all.getT3());
			all.getT2()
				.forEach(record -> last.merge(record.subject(), record.heldOn(),
						(launched, held) -> held.isAfter(launched) ? held : launched));
			List<InstrumentStatus> instruments = instruments(policy).stream()
				.map(instrument -> new InstrumentStatus(instrument, last.get(instrument.id().value()),
						InstrumentStatus.due(instrument.cadence(), last.get(instrument.id().value()), today)))
				.toList();
			return new SatisfactionOverview(policy, all.getT1(), SurveyTotals.of(all.getT1()), instruments, all.getT2(),
					all.getT4());
		});
	}

	/** The latest records, newest first. */
	public Flux<SatisfactionRecord> recent(StaffMember me) {
		return Mono.defer(() -> {
			me.requireTenant();
			return policy(me).doOnNext(loaded -> requireReader(me, loaded.orElse(null)));
		}).thenMany(transactions.inTenantMany(records.recent(LIST_SIZE)));
	}

	/**
	 * Writes down one session of an instrument of the policy in force, or one entry of
	 * the complaints-link follow-up log; gated by the policy acknowledgement like every
	 * staff action.
	 * @throws ProblemException 400 naming each field at fault (an instrument the policy
	 * does not name included), 403 for a member who may not record it or has not
	 * acknowledged the policy, 409 without a policy in force
	 */
	public Mono<SatisfactionRecord> record(StaffMember me, NewRecord typed) {
		return Mono.defer(() -> {
			me.requireTenant();
			return policy(me)
				.map(found -> found
					.orElseThrow(() -> new ProblemException(NO_POLICY, NO_POLICY.titleEn(), NO_POLICY.titleAr(), null)))
				.doOnNext(loaded -> requireReader(me, loaded))
				.flatMap(loaded -> acknowledgements.requireAcknowledged(me).thenReturn(loaded))
				.map(loaded -> checked(me, loaded, typed))
				.flatMap(record -> transactions.inTenant(records.insert(record)));
		});
	}

	SatisfactionRecord checked(StaffMember me, LoadedPolicy loaded, NewRecord typed) {
		String subject = blankToNull(typed.instrument());
		Optional<Instrument> instrument = instruments(loaded).stream()
			.filter(candidate -> candidate.id().value().equals(subject))
			.findFirst();
		boolean review = SatisfactionRecord.COMPLAINTS_LINK_REVIEW.equals(subject);
		LocalDate heldOn = date(typed.heldOn());
		LocalDate today = LocalDate.now(clock.withZone(time.zone()));
		Integer participants = number(typed.participants());
		String place = blankToNull(typed.place());
		String actions = blankToNull(typed.actions());
		new FieldChecks().check(subject != null, "instrument", "Choose the instrument", "اختر أداة القياس")
			.check(subject == null || review || instrument.isPresent(), "instrument",
					"Not an instrument of the policy in force", "ليست من أدوات القياس في السياسة النافذة")
			.check(heldOn != null, "heldOn", "Give the date it was held (YYYY-MM-DD)",
					"أدخل تاريخ التنفيذ (سنة-شهر-يوم)")
			.check(heldOn == null || !heldOn.isAfter(today), "heldOn", "The date cannot be in the future",
					"لا يكون التاريخ في المستقبل")
			.check(heldOn == null || heldOn.getYear() >= 2000, "heldOn", "The date is too far in the past",
					"التاريخ قديم جداً")
			.check(place == null || place.length() <= PLACE_MAX, "place", "At most " + PLACE_MAX + " characters",
					"الحد الأعلى " + PLACE_MAX + " حرف")
			.check(blankToNull(typed.participants()) == null || participants != null, "participants",
					"A whole number from 0 to " + PARTICIPANTS_MAX, "عدد صحيح من 0 إلى " + PARTICIPANTS_MAX)
			.required("findings", typed.findings(), FINDINGS_MAX)
			.check(actions == null || actions.length() <= FINDINGS_MAX, "actions",
					"At most " + FINDINGS_MAX + " characters", "الحد الأعلى " + FINDINGS_MAX + " حرف")
			.orThrow();
		if (review || instrument.map(Instrument::owner).isEmpty()) {
			me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
		}
		else {
			me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value(), instrument.get().owner().value());
		}
		return new SatisfactionRecord(UUID.randomUUID(),
				review ? SatisfactionRecord.COMPLAINTS_LINK_REVIEW : SatisfactionRecord.INSTRUMENT,
				review ? null : subject, Objects.requireNonNull(heldOn), place, participants,
				Objects.requireNonNull(typed.findings()).strip(), actions, me.username(),
				me.name() == null || me.name().isBlank() ? null : me.name().strip(), clock.instant());
	}

	private Mono<Optional<LoadedPolicy>> policy(StaffMember me) {
		return policies.inForce(Objects.requireNonNull(me.tenant())).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	/** Top management, or the owner role of one of the policy's instruments. */
	static void requireReader(StaffMember me, @Nullable LoadedPolicy loaded) {
		List<String> roles = new ArrayList<>();
		roles.add(RoleKey.TOP_MANAGEMENT.value());
		instruments(loaded).stream()
			.map(Instrument::owner)
			.filter(Objects::nonNull)
			.map(owner -> owner.value())
			.distinct()
			.forEach(roles::add);
		me.requireAnyRole(roles.toArray(String[]::new));
	}

	static List<Instrument> instruments(@Nullable LoadedPolicy loaded) {
		Satisfaction satisfaction = loaded == null ? null : loaded.policy().satisfaction();
		return satisfaction == null ? List.of() : satisfaction.instruments();
	}

	/** Twelve months from {@code from}, a zero row where no invitation was sent. */
	static List<MonthlyResult> twelve(YearMonth from, List<MonthlyResult> found) {
		Map<YearMonth, MonthlyResult> byMonth = found.stream()
			.collect(Collectors.toMap(MonthlyResult::month, Function.identity()));
		List<MonthlyResult> months = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			YearMonth month = from.plusMonths(i);
			months.add(byMonth.getOrDefault(month, new MonthlyResult(month, 0, 0, null)));
		}
		return months;
	}

	static @Nullable LocalDate date(@Nullable String text) {
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

	private static @Nullable Integer number(@Nullable String text) {
		if (text == null || !text.strip().matches("[0-9]{1,6}")) {
			return null;
		}
		int value = Integer.parseInt(text.strip());
		return value <= PARTICIPANTS_MAX ? value : null;
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}

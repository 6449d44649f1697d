package sa.rawabit.platform.inquiries.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.platform.inquiries.InquiryState;
import sa.rawabit.platform.inquiries.desk.Officer;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.calendar.WorkingCalendar;

/**
 * Top management's supervision of the contact officers ("الإشراف من الإدارة العليا على
 * ضابط الاتصال"): per current holder (a role or a named staff member), for a period of
 * days: inquiries received in it and still open, those of them past their answer due day,
 * those answered in it with the median answer time in working days (receipt day to answer
 * day, by the policy's calendar), and those converted in it. An officer is listed when
 * any of their inquiries was received, answered or converted in the period.
 */
@Service
class InquirySupervision {

	/** A longer period is a typo or a report nobody can read in one table. */
	static final int MAX_DAYS = 366;

	private final Transactions transactions;

	private final DatabaseClient database;

	private final PoliciesInForce policies;

	private final TimeProperties properties;

	private final Clock clock;

	InquirySupervision(Transactions transactions, DatabaseClient database, PoliciesInForce policies,
			TimeProperties properties, Clock clock) {
		this.transactions = transactions;
		this.database = database;
		this.policies = policies;
		this.properties = properties;
		this.clock = clock;
	}

	/** The period asked for, first and last day inclusive. */
	record Period(LocalDate from, LocalDate to) {
	}

	/**
	 * One officer's figures.
	 *
	 * @param medianAnswerDays null when nothing was answered in the period
	 */
	record OfficerFigures(Officer officer, int open, int overdue, int answered, @Nullable BigDecimal medianAnswerDays,
			int conversions) {
	}

	record Report(Period period, List<OfficerFigures> officers) {
	}

	/** One inquiry as supervision reads it. */
	record Row(Officer officer, InquiryState state, LocalDate receivedOn, @Nullable LocalDate answeredOn,
			@Nullable LocalDate dueBy, @Nullable LocalDate convertedOn) {
	}

	/** The period from the typed days: this month when none is given. */
	Period period(@Nullable String from, @Nullable String to) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
		LocalDate first = day(from, today.withDayOfMonth(1));
		LocalDate last = day(to, today.withDayOfMonth(today.lengthOfMonth()));
		new FieldChecks().check(first != null, "from", "A day as YYYY-MM-DD", "يوم بصيغة YYYY-MM-DD")
			.check(last != null, "to", "A day as YYYY-MM-DD", "يوم بصيغة YYYY-MM-DD")
			.check(first == null || last == null || !last.isBefore(first), "to", "The period ends before it starts",
					"تنتهي الفترة قبل أن تبدأ")
			.check(first == null || last == null || last.toEpochDay() - first.toEpochDay() < MAX_DAYS, "to",
					"At most " + MAX_DAYS + " days", "الحد الأعلى " + MAX_DAYS + " يوماً")
			.orThrow();
		return new Period(first, last);
	}

	Mono<Report> report(StaffMember me, Period period) {
		me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
		ZoneId zone = properties.zone();
		Instant start = period.from().atStartOfDay(zone).toInstant();
		Instant end = period.to().plusDays(1).atStartOfDay(zone).toInstant();
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		Mono<WorkingCalendar> calendar = policies.inForce(me.tenant())
			.map(loaded -> WorkingCalendar.of(loaded.policy().calendar()))
			.defaultIfEmpty(WorkingCalendar.saudiDefault());
		Mono<List<Row>> rows = transactions.inTenantMany(database.sql("""
				select assigned_role, assigned_staff, state, received_at, answered_at, answer_due_by, converted_at
				from app.inquiry
				where (received_at >= $1 and received_at < $2) or (answered_at >= $1 and answered_at < $2)
				   or (converted_at >= $1 and converted_at < $2)""").bind(0, start).bind(1, end).map(row -> {
			String role = row.get("assigned_role", String.class);
			Instant answered = row.get("answered_at", Instant.class);
			Instant converted = row.get("converted_at", Instant.class);
			return new Row(role != null ? Officer.role(role) : Officer.named(row.get("assigned_staff", String.class)),
					InquiryState.of(row.get("state", String.class)), day(row.get("received_at", Instant.class), zone),
					answered == null ? null : day(answered, zone), row.get("answer_due_by", LocalDate.class),
					converted == null ? null : day(converted, zone));
		}).all()).collectList();
		return Mono.zip(rows, calendar)
			.map(both -> new Report(period, figures(both.getT1(), period, today, both.getT2())));
	}

	/**
	 * The figures per officer, roles first then named staff, each alphabetically. Pure,
	 * for tests.
	 */
	static List<OfficerFigures> figures(List<Row> rows, Period period, LocalDate today, WorkingCalendar calendar) {
		Map<String, List<Row>> byOfficer = new TreeMap<>();
		rows.forEach(row -> byOfficer.computeIfAbsent(row.officer().toString(), key -> new ArrayList<>()).add(row));
		List<OfficerFigures> figures = new ArrayList<>();
		byOfficer.values().forEach(held -> {
			int open = 0;
			int overdue = 0;
			int conversions = 0;
			List<Long> answerDays = new ArrayList<>();
			for (Row row : held) {
				if (row.state() == InquiryState.OPEN && within(row.receivedOn(), period)) {
					open++;
					overdue += row.dueBy() != null && row.dueBy().isBefore(today) ? 1 : 0;
				}
				if (row.answeredOn() != null && within(row.answeredOn(), period)) {
					answerDays.add(calendar.workingDaysBetween(row.receivedOn(), row.answeredOn()));
				}
				conversions += row.state() == InquiryState.CONVERTED && row.convertedOn() != null
						&& within(row.convertedOn(), period) ? 1 : 0;
			}
			// An officer who received something in the period is listed even when it was
			// all answered later.
			if (open + answerDays.size() + conversions > 0
					|| held.stream().anyMatch(row -> within(row.receivedOn(), period))) {
				figures.add(new OfficerFigures(held.getFirst().officer(), open, overdue, answerDays.size(),
						median(answerDays), conversions));
			}
		});
		figures.sort(Comparator.comparing((OfficerFigures f) -> f.officer().role() == null)
			.thenComparing(f -> f.officer().toString()));
		return figures;
	}

	static @Nullable BigDecimal median(List<Long> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		BigDecimal median = sorted.size() % 2 == 1 ? BigDecimal.valueOf(sorted.get(middle))
				: BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle))
					.divide(BigDecimal.TWO, 1, RoundingMode.HALF_UP);
		return median.stripTrailingZeros().scale() <= 0 ? median.setScale(0, RoundingMode.UNNECESSARY) : median;
	}

	private static boolean within(LocalDate day, Period period) {
		return !day.isBefore(period.from()) && !day.isAfter(period.to());
	}

	private static LocalDate day(Instant instant, ZoneId zone) {
		return LocalDate.ofInstant(instant, zone);
	}

	private static @Nullable LocalDate day(@Nullable String text, LocalDate otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException unreadable) {
			return null;
		}
	}

}

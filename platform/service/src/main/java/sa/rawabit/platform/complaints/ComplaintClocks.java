package sa.rawabit.platform.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.deadlines.DeadlineClock;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.policy.Deadline;
import sa.rawabit.policy.DeadlineId;
import sa.rawabit.policy.calendar.DueDates;
import sa.rawabit.policy.calendar.WorkingCalendar;

/**
 * The clocks a complaint starts when received, from the policy in force: acknowledgement and
 * resolution when the policy sets them, and escalation to its target after its delay. A policy that
 * sets none of them (e.g. Samtah's: escalation "with no fixed delay") starts no clock.
 */
final class ComplaintClocks {

	static final String SUBJECT = "complaint";

	static final String ESCALATION = "complaint-escalation";

	/** Days are counted where the associations work; a due day ends at its midnight. */
	static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

	private ComplaintClocks() {
	}

	static List<DeadlineClock> at(LoadedPolicy loaded, ComplaintId complaint, Instant received) {
		sa.rawabit.policy.Complaints rules = loaded.policy().complaints();
		if (rules == null) {
			return List.of();
		}
		WorkingCalendar calendar = WorkingCalendar.of(loaded.policy().calendar());
		LocalDate day = received.atZone(RIYADH).toLocalDate();
		Set<String> handler = Set.of(rules.handler().value());
		List<DeadlineClock> clocks = new ArrayList<>();
		Instant escalateAt = null;
		String escalateTo = null;
		if (rules.escalation() != null) {
			escalateTo = rules.escalation().to().value();
			if (rules.escalation().after() != null) {
				escalateAt = endOf(calendar.plus(day, rules.escalation().after(), rules.escalation().unit()));
			}
		}
		DeadlineClock acknowledgement = clock(loaded, rules.acknowledgement(), calendar, day, complaint, received,
				null, null, handler);
		if (acknowledgement != null) {
			clocks.add(acknowledgement);
		}
		DeadlineClock resolution = clock(loaded, rules.resolution(), calendar, day, complaint, received, escalateAt,
				escalateTo, handler);
		if (resolution != null) {
			clocks.add(resolution);
		}
		else if (escalateAt != null) {
			clocks.add(new DeadlineClock(SUBJECT, complaint.value(), ESCALATION, loaded.version().value(), received,
					null, null, escalateAt, escalateAt, escalateTo, handler));
		}
		return clocks;
	}

	/** The kinds a final answer stops. */
	static List<String> kinds(LoadedPolicy loaded) {
		List<String> kinds = new ArrayList<>(List.of(ESCALATION));
		sa.rawabit.policy.Complaints rules = loaded.policy().complaints();
		if (rules != null && rules.acknowledgement() != null) {
			kinds.add(rules.acknowledgement().value());
		}
		if (rules != null && rules.resolution() != null) {
			kinds.add(rules.resolution().value());
		}
		return kinds;
	}

	private static @Nullable DeadlineClock clock(LoadedPolicy loaded, @Nullable DeadlineId id,
			WorkingCalendar calendar, LocalDate day, ComplaintId complaint, Instant received,
			@Nullable Instant escalateAt, @Nullable String escalateTo, Set<String> audience) {
		Deadline deadline = id == null ? null : loaded.policy().deadline(id).orElse(null);
		if (deadline == null) {
			return null;
		}
		DueDates due = calendar.dueDates(day, deadline);
		if (due.dueBy() == null) {
			return null;
		}
		Instant dueAt = endOf(due.dueBy());
		Instant escalation = escalateAt == null ? null : escalateAt.isBefore(dueAt) ? dueAt : escalateAt;
		return new DeadlineClock(SUBJECT, complaint.value(), deadline.id().value(), loaded.version().value(), received,
				due.notBefore() == null ? null : endOf(due.notBefore()), due.warnOn() == null ? null : startOf(due.warnOn()),
				dueAt, escalation, escalation == null ? null : escalateTo, audience);
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(RIYADH).toInstant();
	}

	private static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(RIYADH).toInstant();
	}
}

package sa.rawabit.platform.complaints;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Write;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.cases.CaseEntry;
import sa.rawabit.platform.cases.CaseMoves;
import sa.rawabit.platform.cases.CaseNotice;
import sa.rawabit.platform.policy.LoadedPolicy;

/**
 * What a complaint's move leaves behind: its audit event and the dashboards' outbox
 * event, written through the case kernel in the caller's transaction, so that every step
 * of {@link ComplaintDesk} tells the trail and the dashboards the same way.
 */
@Component
class ComplaintJournal {

	private final CaseMoves cases;

	private final Clock clock;

	ComplaintJournal(CaseMoves cases, Clock clock) {
		this.cases = cases;
		this.clock = clock;
	}

	/** The audit event and the dashboards' outbox event, in the caller's transaction. */
	Mono<Void> record(LoadedPolicy loaded, Complaint complaint, @Nullable ComplaintState from, String action,
			String actor, Map<String, String> detail) {
		return cases.record(entry(loaded, complaint, from, action, actor, detail),
				notice(complaint, action, ComplaintWatchers.of(loaded)));
	}

	/**
	 * A new complaint's row, its "filed" audit event and its notice in one statement, and
	 * {@code clocks}: one tenant transaction, sent without waiting for answers.
	 */
	Mono<Void> filed(LoadedPolicy loaded, Complaint complaint, String actor, Map<String, String> detail,
			Function<TenantId, List<Write>> clocks) {
		String action = "complaint.filed";
		return cases.open(entry(loaded, complaint, null, action, actor, detail),
				notice(complaint, action, ComplaintWatchers.of(loaded)),
				tenant -> List.of(ComplaintRecords.rowOf(tenant, complaint)), clocks);
	}

	private CaseEntry entry(LoadedPolicy loaded, Complaint complaint, @Nullable ComplaintState from, String action,
			String actor, Map<String, String> detail) {
		return new CaseEntry(action, ComplaintClocks.SUBJECT, complaint.id(), from, complaint.state(), loaded.version(),
				actor, clock.instant(), detail);
	}

	/**
	 * The dashboards' notice; a final answer also carries {@link ComplaintResolved} for
	 * other modules.
	 */
	private static CaseNotice notice(Complaint complaint, String action, Set<String> audience) {
		var notice = CaseNotice.to(audience,
				Map.of("state", complaint.state().column(), "channel", complaint.channel()));
		return switch (action) {
			case "complaint.resolved" -> notice.carrying(new ComplaintResolved(complaint.id(), false));
			case "complaint.settled" -> notice.carrying(new ComplaintResolved(complaint.id(), true));
			default -> notice;
		};
	}

}

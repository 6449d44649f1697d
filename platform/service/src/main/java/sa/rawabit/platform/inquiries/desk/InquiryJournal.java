package sa.rawabit.platform.inquiries.desk;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.platform.cases.CaseEntry;
import sa.rawabit.platform.cases.CaseMoves;
import sa.rawabit.platform.cases.CaseNotice;
import sa.rawabit.platform.inquiries.InquiryState;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.policy.RoleKey;

/**
 * What an inquiry's move leaves behind, and for whom: its audit event and the dashboards'
 * outbox event, through the case kernel in the caller's transaction. The desk, the
 * conversion and the answer's delivery all tell the same dashboards this way.
 */
@Component
public class InquiryJournal {

	private final CaseMoves cases;

	private final Clock clock;

	InquiryJournal(CaseMoves cases, Clock clock) {
		this.cases = cases;
		this.clock = clock;
	}

	/** The audit event and the dashboards' outbox event, in the caller's transaction. */
	public Mono<Void> record(LoadedPolicy loaded, Inquiry inquiry, @Nullable InquiryState from, String action,
			String actor, Set<String> audience, Map<String, String> detail) {
		return cases.record(
				new CaseEntry(action, AnswerClock.SUBJECT, inquiry.id(), from, inquiry.state(), loaded.version(), actor,
						clock.instant(), detail),
				CaseNotice.to(audience, Map.of("state", inquiry.state().column(), "channel", inquiry.channel())));
	}

	/**
	 * The holder's dashboards and top management's, which oversees the contact officers.
	 */
	public static Set<String> audience(Officer officer) {
		Set<String> audience = new LinkedHashSet<>();
		audience.add(officer.audience());
		audience.add(RoleKey.TOP_MANAGEMENT.value());
		return audience;
	}

}

package sa.rawabit.platform.requests;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import sa.rawabit.policy.CaseEvent;

/**
 * What a transition did: the request after it, the policy events it caused (which start
 * and stop clocks), details for the audit trail, and news to tell the beneficiary once it
 * is committed.
 */
record Move(BeneficiaryRequest after, List<CaseEvent> events, Map<String, String> detail, @Nullable String news) {

	Move {
		events = List.copyOf(events);
		detail = Map.copyOf(detail);
	}

	static Move to(BeneficiaryRequest after, List<CaseEvent> events, Map<String, String> detail) {
		return new Move(after, events, detail, null);
	}

	Move telling(String news) {
		return new Move(after, events, detail, news);
	}
}

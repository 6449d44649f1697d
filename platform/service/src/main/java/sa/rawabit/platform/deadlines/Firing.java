package sa.rawabit.platform.deadlines;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.notifications.OutboxEvent;

/**
 * A claimed clock and the one step it takes now. A clock behind by several steps takes
 * one per claim; its next fire instant is then already due, and the same sweep claims it
 * again for the next step.
 */
record Firing(TenantId tenant, UUID id, String subjectType, UUID subjectId, String kind, String state,
		@Nullable Instant warnAt, Instant dueAt, @Nullable Instant escalateAt, @Nullable String escalateTo,
		Set<String> audience) {

	enum Step {

		WARN("warned", "deadline.warning"), BREACH("breached", "deadline.breached"),
		ESCALATE("escalated", "deadline.escalated");

		final String state;

		final String topic;

		Step(String state, String topic) {
			this.state = state;
			this.topic = topic;
		}

	}

	@Nullable Step step(Instant now) {
		boolean open = state.equals("running") || state.equals("warned");
		if (open && !now.isBefore(dueAt)) {
			return Step.BREACH;
		}
		if (state.equals("running") && warnAt != null && !now.isBefore(warnAt)) {
			return Step.WARN;
		}
		if (state.equals("breached") && escalateAt != null && !now.isBefore(escalateAt)) {
			return Step.ESCALATE;
		}
		return null;
	}

	/** What the clock waits for after {@code step}; null when nothing is left to fire. */
	@Nullable Instant nextFireAfter(Step step) {
		return switch (step) {
			case WARN -> dueAt;
			case BREACH -> escalateAt;
			case ESCALATE -> null;
		};
	}

	OutboxEvent event(Step step) {
		Set<String> to = new LinkedHashSet<>(audience);
		if (step == Step.ESCALATE && escalateTo != null) {
			to.add(escalateTo);
		}
		var notice = new OutboxEvent(step.topic, subjectType, subjectId, to, Map.of("kind", kind, "dueAt",
				dueAt.toString(), "deadlineId", id.toString(), "escalateTo", escalateTo == null ? "" : escalateTo));
		return step == Step.ESCALATE
				? notice.carrying(new DeadlineEscalated(id, subjectType, subjectId, kind, escalateTo)) : notice;
	}
}

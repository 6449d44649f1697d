package sa.rawabit.policy;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One version of an association's beneficiary relations policy. Everything that differs between
 * associations lives here, so a new association needs a new policy file, never new code.
 * Sections the board's text is silent on are {@code null} (or empty lists), not invented.
 */
public record Policy(
		Association association,
		Text title,
		@Nullable Text preamble,
		@Nullable Text scope,
		@Nullable Goals goals,
		@Nullable Approval approval,
		List<Channel> channels,
		List<Tool> tools,
		List<Service> services,
		Procedure procedure,
		List<Deadline> deadlines,
		CalendarRules calendar,
		@Nullable Complaints complaints,
		@Nullable Compensation compensation,
		@Nullable Satisfaction satisfaction,
		@Nullable ContactOfficers contactOfficers,
		boolean staffAcknowledgementRequired,
		@Nullable Privacy privacy,
		List<Text> commitments) {

	public Policy {
		channels = List.copyOf(channels);
		tools = List.copyOf(tools);
		services = List.copyOf(services);
		deadlines = List.copyOf(deadlines);
		commitments = List.copyOf(commitments);
	}

	public Optional<Channel> channel(ChannelId id) {
		return channels.stream().filter(c -> c.id().equals(id)).findFirst();
	}

	public Optional<Service> service(ServiceId id) {
		return services.stream().filter(s -> s.id().equals(id)).findFirst();
	}

	public Optional<Deadline> deadline(DeadlineId id) {
		return deadlines.stream().filter(d -> d.id().equals(id)).findFirst();
	}

	/** The deadlines whose clock starts at the given event, e.g. all that run from request-complete. */
	public List<Deadline> deadlinesStartingAt(CaseEvent event) {
		return deadlines.stream().filter(d -> d.startsAt() == event).toList();
	}
}

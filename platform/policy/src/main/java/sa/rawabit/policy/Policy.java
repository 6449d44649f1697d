package sa.rawabit.policy;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One version of an association's beneficiary relations policy. Everything that differs
 * between associations lives here, so a new association needs a new policy file, never
 * new code. Sections the board's text is silent on are {@code null} (or empty lists), not
 * invented.
 */
public record Policy(Association association, Text title, @Nullable Text preamble, @Nullable Text scope,
		@Nullable Goals goals, @Nullable Approval approval, List<Channel> channels, List<Tool> tools,
		List<Service> services, Procedure procedure, List<Deadline> deadlines, CalendarRules calendar,
		@Nullable Complaints complaints, @Nullable Compensation compensation, @Nullable Satisfaction satisfaction,
		@Nullable ContactOfficers contactOfficers, boolean staffAcknowledgementRequired, @Nullable Privacy privacy,
		List<Text> commitments, List<PolicyRole> roles, List<Committee> committees, List<ChannelId> telling) {

	/**
	 * @param roles the association's own roles, beside the built-in ones
	 * @param committees how committee roles sit (size, quorum, voting rule, chair)
	 * @param telling enabled channels on which a beneficiary may agree to be told of
	 * their case
	 */
	public Policy {
		channels = List.copyOf(channels);
		tools = List.copyOf(tools);
		services = List.copyOf(services);
		deadlines = List.copyOf(deadlines);
		commitments = List.copyOf(commitments);
		roles = List.copyOf(roles);
		committees = List.copyOf(committees);
		telling = List.copyOf(telling);
	}

	/** The built-in roles, then the policy's own in the order it declares them. */
	public List<RoleKey> allRoles() {
		return java.util.stream.Stream.concat(RoleKey.ALL.stream(), roles.stream().map(PolicyRole::id)).toList();
	}

	public boolean knowsRole(RoleKey role) {
		return role.isKnown() || roles.stream().anyMatch(r -> r.id().equals(role));
	}

	/**
	 * A role's names in both languages: the policy's words for its own roles, the
	 * product's for built-ins.
	 */
	public Optional<Text> roleNames(RoleKey role) {
		return roles.stream()
			.filter(r -> r.id().equals(role))
			.map(PolicyRole::names)
			.findFirst()
			.or(() -> BuiltInRole.byKey(role.value()).map(BuiltInRole::names));
	}

	public Optional<Committee> committee(RoleKey role) {
		return committees.stream().filter(c -> c.role().equals(role)).findFirst();
	}

	/**
	 * Whether a beneficiary may agree to be told on this channel; a policy that does not
	 * list any allows its enabled e-mail and phone channels, the two the platform sent on
	 * before policies could say.
	 */
	public boolean tellsOn(ChannelId channel) {
		if (!telling.isEmpty()) {
			return telling.contains(channel);
		}
		return channel(channel).isPresent() && (channel.value().equals(BuiltInChannel.EMAIL.key())
				|| channel.value().equals(BuiltInChannel.PHONE.key()));
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

	/**
	 * The deadlines whose clock starts at the given event, e.g. all that run from
	 * request-complete.
	 */
	public List<Deadline> deadlinesStartingAt(CaseEvent event) {
		return deadlines.stream().filter(d -> d.startsAt() == event).toList();
	}
}

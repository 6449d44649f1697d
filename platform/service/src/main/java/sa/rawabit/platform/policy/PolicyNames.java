package sa.rawabit.platform.policy;

import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.ServiceId;
import sa.rawabit.policy.StageId;
import sa.rawabit.policy.Text;

/**
 * What staff pages show instead of the policy's ids: the names the association's policy
 * in force gives its channels, services, stages and roles, in the reader's language. An
 * id the policy no longer names (a case opened under an earlier version) shows as it is
 * rather than as nothing.
 */
public record PolicyNames(Policy policy, boolean arabic) {

	public String channel(@Nullable String id) {
		return name(id, key -> policy.channel(new ChannelId(key)).map(c -> c.names()).orElse(null));
	}

	public String service(@Nullable String id) {
		return name(id, key -> policy.service(new ServiceId(key)).map(s -> s.names()).orElse(null));
	}

	public String stage(@Nullable String id) {
		return name(id,
				key -> policy.procedure()
					.stages()
					.stream()
					.filter(stage -> stage.id().equals(new StageId(key)))
					.map(stage -> stage.names())
					.findFirst()
					.orElse(null));
	}

	/**
	 * A role's name: the policy's words for its own roles (an executive director), the
	 * product's for built-ins.
	 */
	public String role(@Nullable String id) {
		return name(id, key -> policy.roleNames(new RoleKey(key)).orElse(null));
	}

	/**
	 * The name of the body complaints escalate to: the policy's escalation target (its
	 * own executive director, say), top management where the policy names none.
	 */
	public String escalatedTo() {
		var complaints = policy.complaints();
		return role(complaints == null || complaints.escalation() == null ? "top-management"
				: complaints.escalation().to().value());
	}

	/**
	 * Several roles' names, in the order given, joined as the reader's language lists
	 * them.
	 */
	public String roles(Collection<String> ids) {
		return ids.stream().map(this::role).collect(Collectors.joining(arabic ? "، " : ", "));
	}

	private String name(@Nullable String id, Function<String, @Nullable Text> names) {
		if (id == null || id.isBlank()) {
			return "";
		}
		Text text = names.apply(id);
		return text == null ? id : arabic ? text.ar() : text.enOrAr();
	}
}

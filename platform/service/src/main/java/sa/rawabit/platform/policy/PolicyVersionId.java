package sa.rawabit.platform.policy;

import java.util.Objects;
import java.util.UUID;

/** One published version of an association's policy; cases store it to stay traceable to their rules. */
public record PolicyVersionId(UUID value) {

	public PolicyVersionId {
		Objects.requireNonNull(value, "policy version id");
	}

	public static PolicyVersionId of(String value) {
		return new PolicyVersionId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

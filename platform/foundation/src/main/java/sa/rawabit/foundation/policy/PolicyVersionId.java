package sa.rawabit.foundation.policy;

import java.util.Objects;
import java.util.UUID;

/**
 * One published version of an association's policy: tenant-admin publishes it, the
 * platform's cases store it to stay traceable to the rules they were handled under.
 */
public record PolicyVersionId(UUID value) {

	public PolicyVersionId {
		Objects.requireNonNull(value, "policy version id");
	}

	public static PolicyVersionId random() {
		return new PolicyVersionId(UUID.randomUUID());
	}

	public static PolicyVersionId of(String value) {
		return new PolicyVersionId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

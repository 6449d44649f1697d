package sa.rawabit.admin.policies;

import java.util.Objects;
import java.util.UUID;

public record PolicyVersionId(UUID value) {

	public PolicyVersionId {
		Objects.requireNonNull(value, "policy version id");
	}

	public static PolicyVersionId random() {
		return new PolicyVersionId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

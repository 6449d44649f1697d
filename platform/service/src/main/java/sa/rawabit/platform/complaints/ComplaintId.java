package sa.rawabit.platform.complaints;

import java.util.Objects;
import java.util.UUID;

/** A complaint's identity inside its association. */
public record ComplaintId(UUID value) {

	public ComplaintId {
		Objects.requireNonNull(value, "complaint id");
	}

	static ComplaintId random() {
		return new ComplaintId(UUID.randomUUID());
	}
}

package sa.rawabit.platform.complaints;

import java.util.Objects;
import java.util.UUID;

import sa.rawabit.platform.cases.CaseId;

/** A complaint's identity inside its association. */
public record ComplaintId(UUID value) implements CaseId {

	public ComplaintId {
		Objects.requireNonNull(value, "complaint id");
	}

	static ComplaintId random() {
		return new ComplaintId(UUID.randomUUID());
	}
}

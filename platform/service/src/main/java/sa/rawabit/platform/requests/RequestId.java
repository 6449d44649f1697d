package sa.rawabit.platform.requests;

import java.util.Objects;
import java.util.UUID;

import sa.rawabit.platform.cases.CaseId;

public record RequestId(UUID value) implements CaseId {

	public RequestId {
		Objects.requireNonNull(value, "request id");
	}

	public static RequestId random() {
		return new RequestId(UUID.randomUUID());
	}
}

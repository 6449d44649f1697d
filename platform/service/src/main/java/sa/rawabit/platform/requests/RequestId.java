package sa.rawabit.platform.requests;

import java.util.Objects;
import java.util.UUID;

public record RequestId(UUID value) {

	public RequestId {
		Objects.requireNonNull(value, "request id");
	}

	public static RequestId random() {
		return new RequestId(UUID.randomUUID());
	}
}

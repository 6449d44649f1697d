package sa.rawabit.platform.inquiries;

import java.util.Objects;
import java.util.UUID;

/** An inquiry's identity inside its association. */
public record InquiryId(UUID value) {

	public InquiryId {
		Objects.requireNonNull(value, "inquiry id");
	}

	static InquiryId random() {
		return new InquiryId(UUID.randomUUID());
	}
}

package sa.rawabit.platform.inquiries;

import java.util.Objects;
import java.util.UUID;

import sa.rawabit.platform.cases.CaseId;

/** An inquiry's identity inside its association. */
public record InquiryId(UUID value) implements CaseId {

	public InquiryId {
		Objects.requireNonNull(value, "inquiry id");
	}

	public static InquiryId random() {
		return new InquiryId(UUID.randomUUID());
	}
}

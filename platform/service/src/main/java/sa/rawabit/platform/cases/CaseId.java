package sa.rawabit.platform.cases;

import java.util.UUID;

/**
 * The typed id of a case (a {@code RequestId}, {@code ComplaintId}, {@code InquiryId}),
 * as audit and outbox store it.
 */
public interface CaseId {

	UUID value();

}

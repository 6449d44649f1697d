package sa.rawabit.platform.requests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;

/**
 * Opens a request for what first came in as something else (an inquiry that turned out to
 * be a request), through reception's own path: the same policy, catalogue, channel and
 * beneficiary checks, clocks, audit and outbox, but received when the original was, so
 * its "from receipt" deadlines count from then. The caller has already decided who may
 * convert; the request joins the caller's tenant transaction.
 */
@Service
public class RequestConversions {

	private final Intake intake;

	RequestConversions(Intake intake) {
		this.intake = intake;
	}

	/** {@code convertedFrom} is kept in the request's "received" audit event. */
	public Mono<RequestId> open(StaffMember me, BeneficiaryId beneficiaryId, String service, String channel,
			Instant receivedAt, UUID convertedFrom) {
		return intake
			.open(new NewRequest(beneficiaryId.value(), service, channel, List.of()), me,
					new Intake.Reception(receivedAt, false, Map.of("convertedFrom", convertedFrom.toString())))
			.map(BeneficiaryRequest::id);
	}

}

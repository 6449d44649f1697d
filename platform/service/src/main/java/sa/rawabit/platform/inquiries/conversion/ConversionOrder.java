package sa.rawabit.platform.inquiries.conversion;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import sa.rawabit.platform.inquiries.desk.Conversion;

/**
 * What an officer asks when an inquiry turns out to be a case: a request (for a service
 * of the catalogue, for the linked beneficiary or, when the inquiry was anonymous, one
 * registered meanwhile) or a complaint.
 */
record ConversionOrder(@Nullable String to, @Nullable String serviceId, @Nullable UUID beneficiaryId) {

	/**
	 * @throws ProblemException 400 naming {@code to} or {@code serviceId} when missing or
	 * unknown
	 */
	Conversion.Target target() {
		boolean known = "request".equals(to) || "complaint".equals(to);
		new FieldChecks().check(known, "to", "Convert to a request or a complaint", "يُحوَّل الاستفسار إلى طلب أو شكوى")
			.check(!"request".equals(to) || serviceId != null && !serviceId.isBlank(), "serviceId",
					"Choose the service requested", "اختر الخدمة المطلوبة")
			.orThrow();
		return Conversion.Target.of(to);
	}

	/** The beneficiary chosen for the request, typed; {@code null} when none was. */
	@Nullable BeneficiaryId beneficiary() {
		return beneficiaryId == null ? null : new BeneficiaryId(beneficiaryId);
	}
}

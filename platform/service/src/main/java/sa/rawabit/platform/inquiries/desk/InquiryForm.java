package sa.rawabit.platform.inquiries.desk;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.ProblemException;

/**
 * The inquiry form as typed: kept as text so a refused form comes back with every value
 * in place.
 */
record InquiryForm(@Nullable String channel, @Nullable String question, @Nullable String beneficiaryId,
		@Nullable String contactName, @Nullable String contactChannel, @Nullable String contactPhone,
		@Nullable String contactEmail, @Nullable String category, @Nullable String field) {

	static InquiryForm empty() {
		return new InquiryForm(null, null, null, null, null, null, null, null, null);
	}

	/** What the desk receives; the desk checks it against the policy in force. */
	NewInquiry inquiry() {
		UUID beneficiary = null;
		String id = NewInquiry.blankToNull(beneficiaryId);
		if (id != null) {
			try {
				beneficiary = UUID.fromString(id);
			}
			catch (IllegalArgumentException malformed) {
				throw ProblemException.invalidField("beneficiaryId", "Not a beneficiary of this association",
						"ليس مستفيداً لدى الجمعية");
			}
		}
		boolean anyContact = NewInquiry.blankToNull(contactName) != null
				|| NewInquiry.blankToNull(contactChannel) != null || NewInquiry.blankToNull(contactPhone) != null
				|| NewInquiry.blankToNull(contactEmail) != null;
		NewInquiry.ContactBody contact = beneficiary != null || !anyContact ? null
				: new NewInquiry.ContactBody(NewInquiry.blankToNull(contactName),
						NewInquiry.blankToNull(contactChannel), NewInquiry.blankToNull(contactPhone),
						NewInquiry.blankToNull(contactEmail));
		return new NewInquiry(NewInquiry.blankToNull(channel), question, beneficiary, contact,
				NewInquiry.blankToNull(category), NewInquiry.blankToNull(field));
	}
}

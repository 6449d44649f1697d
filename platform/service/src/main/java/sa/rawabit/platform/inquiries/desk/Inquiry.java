package sa.rawabit.platform.inquiries.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.inquiries.InquiryState;

/**
 * An inquiry and its transitions. Each checks the state it starts from and returns the
 * changed inquiry; {@link InquiryDesk} checks who may act, stores it, audits it and
 * announces it.
 *
 * @param beneficiaryId the registered beneficiary who asked, or {@code null} for an
 * anonymous contact
 * @param answerDueBy the last day to answer under the policy in force at receipt, if it
 * sets one
 * @param contact how to reach an anonymous person (a linked beneficiary's contact lives
 * in the registry)
 * @param policyVersion the policy version in force at receipt
 * @param conversion the request or complaint it became, once converted
 */
public record Inquiry(InquiryId id, String channel, InquiryState state, String question,
		@Nullable BeneficiaryId beneficiaryId, @Nullable Contact contact, @Nullable String category,
		@Nullable String field, Officer officer, String receivedBy, @Nullable PolicyVersionId policyVersion,
		@Nullable LocalDate answerDueBy, @Nullable Answer answer, Instant receivedAt, Instant updatedAt,
		@Nullable Conversion conversion) {

	/** An inquiry not converted (every one until {@link #convertTo}). */
	Inquiry(InquiryId id, String channel, InquiryState state, String question, @Nullable BeneficiaryId beneficiaryId,
			@Nullable Contact contact, @Nullable String category, @Nullable String field, Officer officer,
			String receivedBy, @Nullable PolicyVersionId policyVersion, @Nullable LocalDate answerDueBy,
			@Nullable Answer answer, Instant receivedAt, Instant updatedAt) {
		this(id, channel, state, question, beneficiaryId, contact, category, field, officer, receivedBy, policyVersion,
				answerDueBy, answer, receivedAt, updatedAt, null);
	}

	static final ProblemType ILLEGAL_TRANSITION = new ProblemType("illegal-transition", HttpStatus.CONFLICT,
			"Not possible in the inquiry's current state", "غير ممكن في الحالة الحالية للاستفسار");

	/**
	 * A person who asked without being a registered beneficiary, and the channel agreed
	 * with them.
	 */
	public record Contact(String name, String channel, @Nullable String phone, @Nullable String email) {
	}

	/** The answer kept with the inquiry, and what became of sending it. */
	record Answer(String text, String by, Instant at, @Nullable String deliveryChannel,
			@Nullable String deliveryOutcome) {
	}

	Inquiry reassign(Officer to, Instant at) {
		requireOpen("reassigned");
		return new Inquiry(id, channel, state, question, beneficiaryId, contact, category, field, to, receivedBy,
				policyVersion, answerDueBy, answer, receivedAt, at);
	}

	Inquiry answer(String text, String by, Instant at) {
		requireOpen("answered");
		return new Inquiry(id, channel, InquiryState.ANSWERED, question, beneficiaryId, contact, category, field,
				officer, receivedBy, policyVersion, answerDueBy, new Answer(text, by, at, null, null), receivedAt, at);
	}

	/**
	 * The inquiry turned out to be a request or a complaint, opened as {@code caseId}
	 * with its receipt time.
	 */
	public Inquiry convertTo(Conversion.Target to, UUID caseId, String by, Instant at) {
		requireOpen("converted");
		return new Inquiry(id, channel, InquiryState.CONVERTED, question, beneficiaryId, contact, category, field,
				officer, receivedBy, policyVersion, answerDueBy, answer, receivedAt, at,
				new Conversion(to, caseId, by, at));
	}

	public void requireOpen(String move) {
		if (state != InquiryState.OPEN) {
			throw new ProblemException(ILLEGAL_TRANSITION,
					"An inquiry that is " + state.column() + " cannot be " + move,
					"لا يمكن ذلك لاستفسار في حالة «" + state.ar + "»", "state");
		}
	}
}

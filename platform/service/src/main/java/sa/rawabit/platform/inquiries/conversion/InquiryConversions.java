package sa.rawabit.platform.inquiries.conversion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.FieldProblem;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.beneficiaries.Beneficiary;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.cases.CaseId;
import sa.rawabit.platform.complaints.ComplaintConversions;
import sa.rawabit.platform.deadlines.Deadlines;
import sa.rawabit.platform.inquiries.InquiriesProperties;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.inquiries.desk.AnswerClock;
import sa.rawabit.platform.inquiries.desk.Conversion;
import sa.rawabit.platform.inquiries.desk.Inquiry;
import sa.rawabit.platform.inquiries.desk.InquiryDesk;
import sa.rawabit.platform.inquiries.desk.InquiryJournal;
import sa.rawabit.platform.inquiries.desk.InquiryRecords;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.requests.RequestConversions;

/**
 * Converts an inquiry that turned out to be a request or a complaint, in one tenant
 * transaction through {@link InquiryDesk#change}: only an open inquiry, only by its
 * holder or top management who acknowledged the policy. The case is opened by its own
 * module with the inquiry's receipt time; the inquiry keeps its question, assignments and
 * timeline, points at the case, and its answer clock is cancelled (it was not answered,
 * it became something else).
 */
@Service
class InquiryConversions {

	static final ProblemType BENEFICIARY_NEEDED = new ProblemType("beneficiary-required",
			HttpStatus.UNPROCESSABLE_CONTENT, "A request is for a registered beneficiary", "الطلب يكون لمستفيد مسجّل");

	private static final int SUBJECT_LENGTH = 200;

	private final InquiryDesk desk;

	private final InquiryRecords records;

	private final RequestConversions requests;

	private final ComplaintConversions complaints;

	private final BeneficiaryRegistry beneficiaries;

	private final Deadlines deadlines;

	private final InquiriesProperties properties;

	private final Clock clock;

	private final InquiryJournal journal;

	InquiryConversions(InquiryDesk desk, InquiryRecords records, RequestConversions requests,
			ComplaintConversions complaints, BeneficiaryRegistry beneficiaries, Deadlines deadlines,
			InquiriesProperties properties, Clock clock, InquiryJournal journal) {
		this.desk = desk;
		this.journal = journal;
		this.records = records;
		this.requests = requests;
		this.complaints = complaints;
		this.beneficiaries = beneficiaries;
		this.deadlines = deadlines;
		this.properties = properties;
		this.clock = clock;
	}

	Mono<Inquiry> convert(StaffMember staff, InquiryId id, ConversionOrder order) {
		Conversion.Target target = order.target();
		return desk.change(staff, id, (loaded, before) -> {
			before.requireOpen("converted");
			Mono<CaseId> opened = target == Conversion.Target.REQUEST ? request(staff, before, order)
					: complaint(staff, before);
			return opened.flatMap(caseId -> close(staff, loaded, before, target, caseId));
		});
	}

	private Mono<CaseId> request(StaffMember staff, Inquiry inquiry, ConversionOrder order) {
		BeneficiaryId beneficiary = inquiry.beneficiaryId() != null ? inquiry.beneficiaryId() : order.beneficiary();
		if (beneficiary == null) {
			String en = "Register the person as a beneficiary first, then choose them";
			String ar = "سجّل السائل مستفيداً أولاً ثم اختره";
			return Mono.error(new ProblemException(BENEFICIARY_NEEDED, en, ar, "beneficiaryId",
					List.of(new FieldProblem("beneficiaryId", en, ar))));
		}
		return requests
			.open(staff, beneficiary, order.serviceId(), inquiry.channel(), inquiry.receivedAt(), inquiry.id().value())
			.cast(CaseId.class);
	}

	/**
	 * The complainant is the asker: the anonymous contact, or the linked beneficiary on
	 * their agreed channel.
	 */
	private Mono<CaseId> complaint(StaffMember staff, Inquiry inquiry) {
		Mono<ComplaintConversions.Converted> converted = inquiry.contact() != null
				? Mono.just(complaint(inquiry, inquiry.contact().name(),
						reach(inquiry.contact().channel(), inquiry.contact().phone(), inquiry.contact().email())))
				: asker(inquiry).map(person -> complaint(inquiry, person.fullName(),
						reach(person.contactChannel(), person.phone(), person.email())));
		return converted.flatMap(complaint -> complaints.file(staff, complaint)).cast(CaseId.class);
	}

	private Mono<Beneficiary> asker(Inquiry inquiry) {
		return Mono.justOrEmpty(inquiry.beneficiaryId())
			.flatMap(beneficiaries::find)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Inquiry " + inquiry.id() + " has no asker")));
	}

	private static ComplaintConversions.Converted complaint(Inquiry inquiry, String name, @Nullable String contact) {
		String question = inquiry.question();
		String subject = question.length() <= SUBJECT_LENGTH ? question
				: question.substring(0, SUBJECT_LENGTH - 1).strip() + "…";
		return new ComplaintConversions.Converted(inquiry.channel(), name, contact, subject, question,
				inquiry.receivedAt(), inquiry.id().value());
	}

	/**
	 * The e-mail address or phone number of the agreed channel, or whichever the person
	 * left.
	 */
	private static @Nullable String reach(@Nullable String channel, @Nullable String phone, @Nullable String email) {
		if ("email".equals(channel) && email != null) {
			return email;
		}
		return phone != null ? phone : email;
	}

	private Mono<Inquiry> close(StaffMember staff, LoadedPolicy loaded, Inquiry before, Conversion.Target target,
			CaseId caseId) {
		Instant now = clock.instant();
		Inquiry after = before.convertTo(target, caseId.value(), staff.username(), now);
		return records.converted(after)
			.then(deadlines.cancel(AnswerClock.SUBJECT, before.id().value(), properties.answerDeadline()))
			.then(journal.record(loaded, after, before.state(), "inquiry.converted", staff.username(),
					InquiryJournal.audience(after.officer()),
					Map.of("to", target.column(), "caseId", caseId.value().toString())))
			.thenReturn(after);
	}

}

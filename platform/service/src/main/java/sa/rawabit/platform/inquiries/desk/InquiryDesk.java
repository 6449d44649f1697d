package sa.rawabit.platform.inquiries.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.cases.CaseMoves;
import sa.rawabit.platform.deadlines.Deadlines;
import sa.rawabit.platform.inquiries.InquiriesProperties;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.tools.AnswerAttachments;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.RoleKey;

/**
 * Where inquiries are received (routed by {@link InquiryReception}), reassigned and
 * answered. Every change is one tenant transaction through the case kernel
 * ({@link CaseMoves}): the inquiry row, its assignment history, its answer clock, its
 * audit event and its outbox event for the dashboards ({@link InquiryJournal}) - all
 * committed or none. Sending the answer to the person comes after the commit. Who may act
 * on an inquiry is {@link InquiryHolders}'s to say; reading is {@link InquiryLookup}'s.
 */
@Service
public class InquiryDesk {

	public static final String CONTACT_OFFICER = RoleKey.CONTACT_OFFICER.value();

	/**
	 * Who receives inquiries at the desk, on the phone, by letter, and who oversees them.
	 */
	static final String[] STAFF = { RoleKey.RELATIONS_OFFICER.value(), CONTACT_OFFICER,
			RoleKey.TOP_MANAGEMENT.value() };

	static final ProblemType NO_POLICY = new ProblemType("no-policy-in-force", HttpStatus.CONFLICT,
			"The association has no policy in force", "لا توجد سياسة سارية للجمعية");

	static final ProblemType NOT_YOURS = new ProblemType("not-your-inquiry", HttpStatus.FORBIDDEN,
			"Only the inquiry's contact officer or top management may do this",
			"لا يقوم بهذا إلا ضابط الاتصال المسند إليه الاستفسار أو الإدارة العليا");

	private final Transactions transactions;

	private final InquiryRecords records;

	private final InquiryReception reception;

	private final CaseMoves cases;

	private final Deadlines deadlines;

	private final PoliciesInForce policies;

	private final AnswerTeller teller;

	private final InquiriesProperties properties;

	private final Clock clock;

	private final AnswerAttachments attachments;

	private final InquiryHolders holders;

	private final InquiryAssignments assignments;

	private final InquiryJournal journal;

	InquiryDesk(Transactions transactions, InquiryRecords records, InquiryReception reception, CaseMoves cases,
			Deadlines deadlines, PoliciesInForce policies, AnswerTeller teller, InquiriesProperties properties,
			Clock clock, AnswerAttachments attachments, InquiryHolders holders, InquiryAssignments assignments,
			InquiryJournal journal) {
		this.attachments = attachments;
		this.holders = holders;
		this.assignments = assignments;
		this.journal = journal;
		this.transactions = transactions;
		this.records = records;
		this.reception = reception;
		this.cases = cases;
		this.deadlines = deadlines;
		this.policies = policies;
		this.teller = teller;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Logs an inquiry, routes it by the policy's contact-officer map and starts its
	 * answer clock.
	 */
	Mono<Inquiry> receive(StaffMember staff, NewInquiry received) {
		staff.requireAnyRole(STAFF);
		return acting(staff).flatMap(loaded -> receive(loaded, received, staff.username(),
				detail -> AuditEvent.naming(staff, detail), inquiry -> Mono.empty()));
	}

	/**
	 * Receives an inquiry asked on the public page, with no staff member: the same
	 * routing, clock, audit and outbox event as at the desk, received by
	 * {@code receivedBy}; {@code alongside} (the tracking code) is written in the same
	 * transaction. The caller puts the association in the Reactor context.
	 */
	public Mono<Inquiry> receiveUnattended(LoadedPolicy loaded, NewInquiry received, String receivedBy,
			Function<Inquiry, Mono<Void>> alongside) {
		return receive(loaded, received, receivedBy, UnaryOperator.identity(), alongside);
	}

	/**
	 * {@code naming}: adds to the audit detail who received it by name (a desk member; no
	 * one unattended).
	 */
	private Mono<Inquiry> receive(LoadedPolicy loaded, NewInquiry received, String by,
			UnaryOperator<Map<String, String>> naming, Function<Inquiry, Mono<Void>> alongside) {
		return reception.route(loaded, received, by).flatMap(routed -> {
			Inquiry inquiry = routed.inquiry();
			Officer officer = inquiry.officer();
			return transactions.inTenant(records.insert(inquiry)
				.then(alongside.apply(inquiry))
				.then(assignments.assigned(inquiry.id(),
						InquiryAssignments.Assignment.routed(routed.routing(), by, inquiry.receivedAt())))
				.then(routed.answerClock().map(c -> deadlines.start(c.clock())).orElse(Mono.empty()))
				.then(journal.record(loaded, inquiry, null, "inquiry.received", by, InquiryJournal.audience(officer),
						naming.apply(Map.of("channel", inquiry.channel(), "officer", officer.toString()))))
				.thenReturn(inquiry));
		});
	}

	/**
	 * Hands the inquiry to another officer; the holder passes it on, or top management
	 * redirects it.
	 */
	Mono<Inquiry> reassign(StaffMember staff, InquiryId id, Officer to, String reason) {
		return change(staff, id, (loaded, before) -> {
			Instant now = clock.instant();
			Inquiry after = before.reassign(to, now);
			Set<String> audience = InquiryJournal.audience(to);
			audience.add(before.officer().audience());
			return records.update(after)
				.then(assignments.assigned(id, new InquiryAssignments.Assignment(to, reason, staff.username(), now)))
				.then(journal.record(loaded, after, before.state(), "inquiry.assigned", staff.username(), audience,
						AuditEvent.naming(staff, Map.of("from", before.officer().toString(), "to", to.toString()))))
				.thenReturn(after);
		});
	}

	/**
	 * Answers the inquiry, meets its clock, then sends the answer on the channel agreed
	 * with the person, or on {@code sendOn} when the officer chooses another of the
	 * policy's channels.
	 */
	Mono<Inquiry> answer(StaffMember staff, InquiryId id, String text, @Nullable String sendOn) {
		return answer(staff, id, text, sendOn, List.of());
	}

	/**
	 * As above, attaching the latest public version of each tool in {@code tools} (ids
	 * the policy names).
	 */
	Mono<Inquiry> answer(StaffMember staff, InquiryId id, String text, @Nullable String sendOn, List<String> tools) {
		return change(staff, id, (loaded, before) -> {
			if (sendOn != null && loaded.policy().channel(new ChannelId(sendOn)).isEmpty()) {
				return Mono.error(ProblemException.invalidField("channel",
						"Not a channel this association's policy enables", "ليست قناة تتيحها سياسة الجمعية"));
			}
			Inquiry after = before.answer(text.strip(), staff.username(), clock.instant());
			return records.update(after)
				.then(attachments.attach(id.value(), tools, staff.username(), after.answer().at()))
				.then(deadlines.meet(AnswerClock.SUBJECT, id.value(), properties.answerDeadline()))
				.then(journal.record(loaded, after, before.state(), "inquiry.answered", staff.username(),
						InquiryJournal.audience(after.officer()), AuditEvent.naming(staff, Map.of())))
				// Queued with the answer: the person is told if and only if the answer
				// commits.
				.then(teller.tell(after, loaded.policy().association().names().ar(), sendOn))
				.thenReturn(after);
		}).flatMap(answered -> transactions.inTenant(records.find(id)));
	}

	public interface Change {

		Mono<Inquiry> apply(LoadedPolicy loaded, Inquiry before);

	}

	/**
	 * Locks the inquiry, checks the caller holds it (or is top management), and applies
	 * the change.
	 */
	public Mono<Inquiry> change(StaffMember staff, InquiryId id, Change change) {
		staff.requireAnyRole(STAFF);
		return acting(staff).flatMap(loaded -> cases.onLocked(AnswerClock.SUBJECT, records.lock(id),
				before -> holders.mayAct(staff, before).flatMap(may -> {
					if (!may) {
						return Mono
							.error(new ProblemException(NOT_YOURS, NOT_YOURS.titleEn(), NOT_YOURS.titleAr(), null));
					}
					return change.apply(loaded, before);
				})));
	}

	/**
	 * The policy in force for a member about to act on an inquiry: logging, reassigning
	 * and answering pass here.
	 */
	private Mono<LoadedPolicy> acting(StaffMember staff) {
		return cases.admit(staff).then(Mono.defer(() -> policy(staff)));
	}

	private Mono<LoadedPolicy> policy(StaffMember staff) {
		staff.requireTenant();
		return policies.inForce(staff.tenant())
			.switchIfEmpty(
					Mono.error(() -> new ProblemException(NO_POLICY, NO_POLICY.titleEn(), NO_POLICY.titleAr(), null)));
	}

}

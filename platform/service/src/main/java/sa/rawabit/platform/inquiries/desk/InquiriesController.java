package sa.rawabit.platform.inquiries.desk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.inquiries.InquiryState;
import sa.rawabit.policy.RoleKey;

/**
 * Staff's inquiry API: logging a question from any channel, the queues, reassignment and
 * the answer.
 */
@RestController
@RequestMapping("/api/inquiries")
class InquiriesController {

	private final InquiryDesk desk;

	private final InquiryLookup lookup;

	InquiriesController(InquiryDesk desk, InquiryLookup lookup) {
		this.desk = desk;
		this.lookup = lookup;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> log(@AuthenticationPrincipal StaffMember staff, @RequestBody NewInquiry inquiry) {
		return desk.receive(staff, inquiry).map(received -> view(received, null));
	}

	@GetMapping
	Mono<Map<String, Object>> list(@AuthenticationPrincipal StaffMember staff,
			@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable String status) {
		InquiryState state = status == null ? null : state(status);
		return lookup.list(staff, mine, state)
			.map(inquiry -> view(inquiry, null))
			.collectList()
			.map(items -> Map.of("items", items, "total", items.size()));
	}

	@GetMapping("/{id}")
	Mono<Map<String, Object>> get(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id) {
		return lookup.find(staff, new InquiryId(id))
			.flatMap(inquiry -> lookup.history(inquiry.id()).collectList().map(history -> view(inquiry, history)));
	}

	@PostMapping("/{id}/assignment")
	Mono<Map<String, Object>> reassign(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id,
			@RequestBody Reassignment body) {
		return desk.reassign(staff, new InquiryId(id), body.officer(), body.reason().strip())
			.map(inquiry -> view(inquiry, null));
	}

	@PostMapping("/{id}/answer")
	Mono<Map<String, Object>> answer(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id,
			@RequestBody AnswerBody body) {
		new FieldChecks().required("text", body.text(), 5000).orThrow();
		return desk
			.answer(staff, new InquiryId(id), body.text(), NewInquiry.blankToNull(body.channel()),
					body.tools() == null ? java.util.List.of() : body.tools())
			.map(inquiry -> view(inquiry, null));
	}

	/** To a role the product knows, or to one named staff member; and why. */
	record Reassignment(@Nullable String role, @Nullable String staff, @Nullable String reason) {

		Officer officer() {
			new FieldChecks()
				.check((role == null || role.isBlank()) != (staff == null || staff.isBlank()), "role",
						"Give a role or a staff member, not both", "حدد دوراً أو موظفاً، لا كليهما")
				.check(role == null || role.isBlank() || new RoleKey(role).isKnown(), "role", "Not a known role",
						"ليس دوراً معروفاً")
				.check(staff == null || staff.length() <= 200, "staff", "At most 200 characters",
						"الحد الأعلى 200 حرفاً")
				.required("reason", reason, 500)
				.orThrow();
			return role != null && !role.isBlank() ? Officer.role(role) : Officer.named(staff.strip());
		}
	}

	/**
	 * @param channel where to send it, when not on the channel agreed with the person
	 */
	/**
	 * @param tools ids of public tool documents to attach (optional)
	 */
	record AnswerBody(@Nullable String text, @Nullable String channel, java.util.@Nullable List<String> tools) {
	}

	private static InquiryState state(String status) {
		try {
			return InquiryState.of(status);
		}
		catch (IllegalArgumentException unknown) {
			throw ProblemException.invalidField("status", "One of: open, answered, converted",
					"إحدى القيم: open، answered، converted");
		}
	}

	static Map<String, Object> view(Inquiry inquiry, @Nullable List<InquiryAssignments.Assignment> history) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", inquiry.id().value());
		view.put("channel", inquiry.channel());
		view.put("state", inquiry.state().column());
		view.put("question", inquiry.question());
		if (inquiry.beneficiaryId() != null) {
			view.put("beneficiaryId", inquiry.beneficiaryId().value());
		}
		if (inquiry.contact() != null) {
			var contact = new LinkedHashMap<String, Object>();
			contact.put("name", inquiry.contact().name());
			contact.put("channel", inquiry.contact().channel());
			putIfPresent(contact, "phone", inquiry.contact().phone());
			putIfPresent(contact, "email", inquiry.contact().email());
			view.put("contact", contact);
		}
		putIfPresent(view, "category", inquiry.category());
		putIfPresent(view, "field", inquiry.field());
		view.put("officer", officer(inquiry.officer()));
		view.put("receivedBy", inquiry.receivedBy());
		view.put("receivedAt", inquiry.receivedAt().toString());
		if (inquiry.answerDueBy() != null) {
			view.put("answerDueBy", inquiry.answerDueBy().toString());
		}
		if (inquiry.answer() != null) {
			var answer = new LinkedHashMap<String, Object>();
			answer.put("text", inquiry.answer().text());
			answer.put("by", inquiry.answer().by());
			answer.put("at", inquiry.answer().at().toString());
			putIfPresent(answer, "channel", inquiry.answer().deliveryChannel());
			putIfPresent(answer, "outcome", inquiry.answer().deliveryOutcome());
			view.put("answer", answer);
		}
		if (inquiry.conversion() != null) {
			var conversion = new LinkedHashMap<String, Object>();
			conversion.put("to", inquiry.conversion().to().column());
			conversion.put("caseId", inquiry.conversion().caseId());
			conversion.put("by", inquiry.conversion().by());
			conversion.put("at", inquiry.conversion().at().toString());
			view.put("conversion", conversion);
		}
		if (history != null) {
			view.put("assignments", history.stream().map(assignment -> {
				Map<String, Object> row = officer(assignment.officer());
				putIfPresent(row, "reason", assignment.reason());
				putIfPresent(row, "reasonCode", assignment.reasonCode());
				putIfPresent(row, "coveringFor", assignment.coveringFor());
				row.put("by", assignment.by());
				row.put("at", assignment.at().toString());
				return row;
			}).toList());
		}
		view.put("updatedAt", inquiry.updatedAt().toString());
		return view;
	}

	private static Map<String, Object> officer(Officer officer) {
		Map<String, Object> view = new LinkedHashMap<>();
		putIfPresent(view, "role", officer.role());
		putIfPresent(view, "staff", officer.staff());
		return view;
	}

	private static void putIfPresent(Map<String, Object> view, String key, @Nullable String value) {
		if (value != null) {
			view.put(key, value);
		}
	}

}

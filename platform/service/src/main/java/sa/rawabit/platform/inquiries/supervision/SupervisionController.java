package sa.rawabit.platform.inquiries.supervision;

import java.util.LinkedHashMap;
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
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.inquiries.delegation.Delegation;
import sa.rawabit.platform.inquiries.delegation.OfficerDelegations;
import sa.rawabit.policy.RoleKey;

/**
 * Top management's API over the contact officers: their figures for a period, and
 * delegations.
 */
@RestController
@RequestMapping("/api/inquiries")
class SupervisionController {

	private final InquirySupervision supervision;

	private final OfficerDelegations delegations;

	SupervisionController(InquirySupervision supervision, OfficerDelegations delegations) {
		this.supervision = supervision;
		this.delegations = delegations;
	}

	@GetMapping("/supervision")
	Mono<Map<String, Object>> supervision(@AuthenticationPrincipal StaffMember staff,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		staff.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
		return supervision.report(staff, supervision.period(from, to)).map(report -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("from", report.period().from().toString());
			view.put("to", report.period().to().toString());
			view.put("officers", report.officers().stream().map(figures -> {
				Map<String, Object> row = new LinkedHashMap<>();
				if (figures.officer().role() != null) {
					row.put("role", figures.officer().role());
				}
				else {
					row.put("staff", figures.officer().staff());
				}
				row.put("open", figures.open());
				row.put("overdue", figures.overdue());
				row.put("answered", figures.answered());
				row.put("medianAnswerWorkingDays", figures.medianAnswerDays());
				row.put("conversions", figures.conversions());
				return row;
			}).toList());
			return view;
		});
	}

	@GetMapping("/delegations")
	Mono<Map<String, Object>> delegations(@AuthenticationPrincipal StaffMember staff) {
		return delegations.current(staff)
			.map(SupervisionController::view)
			.collectList()
			.map(items -> Map.of("items", items, "total", items.size()));
	}

	@PostMapping("/delegations")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> delegate(@AuthenticationPrincipal StaffMember staff,
			@RequestBody OfficerDelegations.NewDelegation body) {
		return delegations.add(staff, body).map(SupervisionController::view);
	}

	@PostMapping("/delegations/{id}/cancel")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> cancel(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id) {
		return delegations.cancel(staff, id);
	}

	static Map<String, Object> view(Delegation delegation) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", delegation.id());
		view.put("absent", delegation.absent());
		view.put("delegate", delegation.delegate());
		view.put("firstDay", delegation.firstDay().toString());
		view.put("lastDay", delegation.lastDay().toString());
		if (delegation.reason() != null) {
			view.put("reason", delegation.reason());
		}
		view.put("createdBy", delegation.createdBy());
		view.put("createdAt", delegation.createdAt().toString());
		return view;
	}

}

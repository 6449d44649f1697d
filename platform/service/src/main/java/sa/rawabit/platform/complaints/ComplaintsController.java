package sa.rawabit.platform.complaints;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.policy.ChannelId;

/**
 * Staff's complaint API: logging what came by fax, phone or letter, and every handling
 * step.
 */
@RestController
@RequestMapping("/api/complaints")
class ComplaintsController {

	/**
	 * Who takes complaints off the fax, the phone and the post, beside the policy's
	 * handling committee.
	 */
	static final String[] INTAKE_ROLES = { "relations-officer", "contact-officer" };

	/** The public link is the website channel; staff log the others. */
	static final String WEBSITE = "website";

	private final ComplaintDesk desk;

	ComplaintsController(ComplaintDesk desk) {
		this.desk = desk;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> log(@AuthenticationPrincipal StaffMember staff, @RequestBody NewComplaint complaint) {
		return desk.policy(staff).flatMap(loaded -> {
			staff.requireAnyRole(intakeRoles(loaded));
			return desk.acting(staff, loaded);
		}).flatMap(loaded -> {
			String channel = complaint.channel();
			new FieldChecks().required("channel", channel, 60)
				.check(channel == null || channel.isBlank()
						|| !WEBSITE.equals(channel) && loaded.policy().channel(new ChannelId(channel)).isPresent(),
						"channel", "Not a channel this association's policy enables for staff to log",
						"ليست قناة تتيحها سياسة الجمعية لتسجيل الشكاوى")
				.orThrow();
			complaint.requireComplete();
			return desk.receive(loaded, complaint, staff.username(), null, AuditEvent.naming(staff, Map.of()));
		}).map(ComplaintsController::view);
	}

	private static String[] intakeRoles(sa.rawabit.platform.policy.LoadedPolicy loaded) {
		var roles = new LinkedHashSet<>(List.of(INTAKE_ROLES));
		roles.add(loaded.policy().complaints().handler().value());
		return roles.toArray(String[]::new);
	}

	@GetMapping("/{id}")
	Mono<Map<String, Object>> get(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id) {
		return desk.find(staff, new ComplaintId(id)).map(ComplaintsController::view);
	}

	@PostMapping("/{id}/acknowledgement")
	Mono<Map<String, Object>> acknowledge(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id) {
		return desk.acknowledge(staff, new ComplaintId(id)).map(ComplaintsController::view);
	}

	@PostMapping("/{id}/escalation")
	Mono<Map<String, Object>> escalate(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id) {
		return desk.escalate(staff, new ComplaintId(id)).map(ComplaintsController::view);
	}

	@PostMapping("/{id}/settlement")
	Mono<Map<String, Object>> settle(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id,
			@RequestBody Outcome body) {
		new FieldChecks().required("text", body.text(), 5000).orThrow();
		return desk.settleAmicably(staff, new ComplaintId(id), body.text()).map(ComplaintsController::view);
	}

	@PostMapping("/{id}/resolution")
	Mono<Map<String, Object>> resolve(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id,
			@RequestBody Outcome body) {
		new FieldChecks().required("text", body.text(), 5000).orThrow();
		return desk.resolve(staff, new ComplaintId(id), body.text()).map(ComplaintsController::view);
	}

	@PostMapping("/{id}/compensation")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> compensate(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id,
			@RequestBody CompensationEvidence evidence) {
		return desk.openCompensation(staff, new ComplaintId(id), evidence).map(ComplaintsController::view);
	}

	record Outcome(@Nullable String text) {
	}

	static Map<String, Object> view(Complaint complaint) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", complaint.id().value());
		if (complaint.trackingCode() != null) {
			// Only in the answer to the filing: the officer hands it to the complainant;
			// it is not stored in clear.
			view.put("trackingCode", complaint.trackingCode().value());
		}
		view.put("channel", complaint.channel());
		view.put("state", complaint.state().column());
		view.put("name", complaint.complainantName());
		if (complaint.contact() != null) {
			view.put("contact", complaint.contact());
		}
		view.put("subject", complaint.subject());
		view.put("description", complaint.description());
		view.put("receivedBy", complaint.receivedBy());
		view.put("receivedAt", complaint.receivedAt().toString());
		view.put("updatedAt", complaint.updatedAt().toString());
		if (complaint.settlement() != null) {
			view.put("settlement", complaint.settlement());
		}
		if (complaint.resolution() != null) {
			view.put("resolution", complaint.resolution());
		}
		return view;
	}

}

package sa.rawabit.platform.dashboard;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.platform.complaints.ComplaintBoard;
import sa.rawabit.platform.deadlines.DeadlineBoard;
import sa.rawabit.platform.inquiries.InquiryBoard;
import sa.rawabit.platform.requests.RequestBoard;
import sa.rawabit.platform.tenancy.TenantDirectory;

/**
 * {@code /}: the signed-in staff member's dashboard. The page itself, then each section as an htmx
 * fragment the page re-fetches when live.js relays a matching event, so counts and lists change
 * without a reload. {@code since} (the moment the page was first rendered) marks what arrived after.
 */
@Controller
class DashboardController {

	static final int LIST_SIZE = 10;

	private final RequestBoard requests;

	private final ComplaintBoard complaints;

	private final DeadlineBoard deadlines;

	private final InquiryBoard inquiries;

	private final TenantDirectory directory;

	private final Clock clock;

	private final TimeProperties time;

	DashboardController(RequestBoard requests, ComplaintBoard complaints, DeadlineBoard deadlines,
			InquiryBoard inquiries, TenantDirectory directory, Clock clock, TimeProperties time) {
		this.time = time;
		this.inquiries = inquiries;
		this.requests = requests;
		this.complaints = complaints;
		this.deadlines = deadlines;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/")
	Mono<String> home(@AuthenticationPrincipal StaffMember me, Model model) {
		Instant now = clock.instant();
		model.addAttribute("me", me);
		model.addAttribute("today", time.day(now));
		model.addAttribute("since", now.toEpochMilli());
		if (me.tenant() == null) {
			return Mono.just("dashboard/home");
		}
		return directory.findById(me.tenant())
			.doOnNext(tenant -> model.addAttribute("association", tenant))
			.then(sections(me, now, model))
			.thenReturn("dashboard/home");
	}

	@GetMapping("/dashboard/sections")
	Mono<String> sections(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) @Nullable Long since,
			Model model) {
		me.requireTenant();
		Instant after = since == null ? clock.instant() : Instant.ofEpochMilli(since);
		model.addAttribute("me", me);
		model.addAttribute("since", after.toEpochMilli());
		return sections(me, after, model).thenReturn("dashboard/home :: sections");
	}

	private Mono<Void> sections(StaffMember me, Instant since, Model model) {
		return Mono.zip(requests.awaiting(me, LIST_SIZE), complaints.handles(me),
				complaints.open(me, LIST_SIZE), deadlines.of(me, LIST_SIZE),
				inquiries.mine(me, LIST_SIZE))
			.doOnNext(all -> {
				model.addAttribute("queue", all.getT1());
				model.addAttribute("handlesComplaints", all.getT2());
				model.addAttribute("complaints", all.getT3());
				model.addAttribute("clocks", all.getT4());
				model.addAttribute("inquiries", all.getT5());
				model.addAttribute("arrived", all.getT3().items().stream()
					.filter(complaint -> complaint.receivedAt().isAfter(since))
					.map(ComplaintBoard.Summary::id)
					.toList());
			})
			.then();
	}
}

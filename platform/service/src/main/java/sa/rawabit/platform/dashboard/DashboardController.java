package sa.rawabit.platform.dashboard;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.platform.tenancy.TenantDirectory;

/**
 * {@code /}: the signed-in staff member's dashboard. The page itself, then its sections
 * as an htmx fragment the page re-fetches once per burst of live events (live.js
 * coalesces them), naming the last event it heard of ({@code seen}) so every watcher of
 * the same view is served one computation and one rendering ({@link SectionResponses}).
 * {@code since} (the moment the page was first rendered) lets the page mark what arrived
 * after; the sections themselves are the same for every watcher of a view.
 */
@PageController
class DashboardController implements RendersPages {

	private final DashboardSections sections;

	private final TenantDirectory directory;

	private final DashboardProperties properties;

	private final Clock clock;

	private final TimeProperties time;

	DashboardController(DashboardSections sections, TenantDirectory directory, DashboardProperties properties,
			Clock clock, TimeProperties time) {
		this.time = time;
		this.sections = sections;
		this.directory = directory;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/")
	Mono<String> home(@AuthenticationPrincipal StaffMember me, Model model) {
		Instant now = clock.instant();
		model.addAttribute("me", me);
		model.addAttribute("today", time.day(now));
		model.addAttribute("since", now.toEpochMilli());
		model.addAttribute("liveTopics", LiveTopics.attribute());
		model.addAttribute("liveCoalesce", properties.coalesce().toMillis());
		model.addAttribute("liveJitter", properties.jitter().toMillis());
		if (me.tenant() == null) {
			return Mono.just("dashboard/home");
		}
		return directory.findById(me.tenant())
			.doOnNext(tenant -> model.addAttribute("association", tenant))
			.then(fill(me, null, model))
			.thenReturn("dashboard/home");
	}

	@GetMapping(SectionResponses.PATH)
	Mono<String> sections(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) @Nullable Long seen,
			Model model) {
		me.requireTenant();
		model.addAttribute("me", me);
		return fill(me, seen, model).thenReturn("dashboard/home :: sections");
	}

	private Mono<Void> fill(StaffMember me, @Nullable Long seen, Model model) {
		return sections.of(me, seen).doOnNext(all -> {
			model.addAttribute("queue", all.queue());
			model.addAttribute("handlesComplaints", all.handlesComplaints());
			model.addAttribute("complaints", all.complaints());
			model.addAttribute("clocks", all.clocks());
			model.addAttribute("inquiries", all.inquiries());
		}).then();
	}

}

package sa.rawabit.platform.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.CalendarDates;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.tenancy.TenantDirectory;

/** The signed-in staff member's landing page; the dashboards of each role grow from here. */
@Controller
class HomeController {

	private final TenantDirectory directory;

	private final Clock clock;

	HomeController(TenantDirectory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/")
	Mono<String> home(@AuthenticationPrincipal StaffMember me, Model model) {
		model.addAttribute("me", me);
		model.addAttribute("today", LocalDate.now(clock.withZone(CalendarDates.RIYADH)));
		if (me.tenant() == null) {
			return Mono.just("home");
		}
		return directory.findById(me.tenant()).doOnNext(tenant -> model.addAttribute("association", tenant))
			.thenReturn("home");
	}
}

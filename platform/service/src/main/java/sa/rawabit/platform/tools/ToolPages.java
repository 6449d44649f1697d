package sa.rawabit.platform.tools;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.security.StaffMember;

/**
 * Staff's tools page: every tool the policy in force names, with its latest document. The
 * downloads it links are {@link ToolDownloads}.
 */
@PageController
class ToolPages implements RendersPages {

	private final ToolShelf shelf;

	ToolPages(ToolShelf shelf) {
		this.shelf = shelf;
	}

	@GetMapping("/tools")
	Mono<String> tools(@AuthenticationPrincipal StaffMember me, Model model) {
		me.requireTenant();
		model.addAttribute("me", me);
		return shelf.shelf(me.tenant()).doOnNext(items -> model.addAttribute("items", items)).thenReturn("tools/shelf");
	}

}

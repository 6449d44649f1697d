package sa.rawabit.platform.updates;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * {@code /updates} for top management and relations officers: the changes beneficiaries
 * were told of, newest first, with how many were told and how many could not be; and who
 * was told of one change.
 */
@PageController
class UpdatePages implements RendersPages {

	private final UpdateBoard board;

	UpdatePages(UpdateBoard board) {
		this.board = board;
	}

	@GetMapping("/updates")
	Mono<String> list(@AuthenticationPrincipal StaffMember me, Model model) {
		model.addAttribute("me", me);
		return board.recent(me).collectList().map(notices -> {
			model.addAttribute("notices", notices);
			return "updates/list";
		});
	}

	@GetMapping("/updates/{id}")
	Mono<String> notice(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model) {
		model.addAttribute("me", me);
		return Mono.fromCallable(() -> UUID.fromString(id))
			.onErrorMap(IllegalArgumentException.class, bad -> ProblemException.notFound("update notice"))
			.flatMap(notice -> board.notice(me, notice)
				.zipWith(board.recipients(me, notice).collectList())
				.map(found -> {
					model.addAttribute("notice", found.getT1());
					model.addAttribute("recipients", found.getT2());
					return "updates/notice";
				}));
	}

}

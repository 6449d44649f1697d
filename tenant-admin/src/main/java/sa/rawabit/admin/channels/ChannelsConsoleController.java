package sa.rawabit.admin.channels;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * {@code /console/channels}: the tenant administrator enters the association's WhatsApp
 * Business account. The token field is always empty: a saved token is never sent back,
 * only that one is set.
 */
@PageController
@RequestMapping("/console/channels")
class ChannelsConsoleController implements RendersPages {

	private final MessagingChannels channels;

	ChannelsConsoleController(MessagingChannels channels) {
		this.channels = channels;
	}

	@GetMapping
	Mono<Rendering> channels(@AuthenticationPrincipal StaffMember me,
			@RequestParam(name = "saved", required = false) @Nullable String saved) {
		return page(me, null, Map.of(), HttpStatus.OK, saved != null);
	}

	@PostMapping("/whatsapp")
	Mono<Rendering> save(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap(form -> channels
				.setWhatsApp(new WhatsAppAccount(form.getFirst("baseUrl"), form.getFirst("phoneNumberId"),
						form.getFirst("token")), me.username())
				.map(shown -> Rendering.redirectTo("/console/channels?saved=whatsapp").build())
				.onErrorResume(ProblemException.class, problem -> {
					Map<String, String> typed = new HashMap<>(form.toSingleValueMap());
					typed.remove("token");
					return page(me, problem, typed, HttpStatus.UNPROCESSABLE_CONTENT, false);
				}));
	}

	private Mono<Rendering> page(StaffMember me, @Nullable ProblemException problem, Map<String, String> typed,
			HttpStatus status, boolean saved) {
		return channels.whatsApp()
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.map(current -> {
				Map<String, Object> model = new HashMap<>();
				model.put("me", me);
				model.put("whatsapp", current.orElse(null));
				model.put("typed", typed);
				model.put("saved", saved);
				if (problem != null) {
					model.put("refused", problem);
				}
				return Rendering.view("console/channels").model(model).status(status).build();
			});
	}

}

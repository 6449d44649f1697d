package sa.rawabit.platform.publicaccess;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.policy.DayUnit;

/**
 * How every public link's pages answer a refusal, so a flood, a missing association and a
 * bad field look alike.
 */
public final class PublicPages {

	private PublicPages() {
	}

	/**
	 * The message key naming a policy's day unit on the public pages, e.g.
	 * {@code public.unit.working-days}.
	 */
	public static String unitKey(DayUnit unit) {
		return "public.unit." + unit.key();
	}

	/**
	 * A tracking page: the empty form when no code was typed; else the case {@code found}
	 * by the normalised code (which puts it in the model, after admitting the lookup past
	 * the flood guard); else the form again saying there is no such code, with 404.
	 */
	public static Mono<String> tracking(@Nullable String typed, Model model, ServerWebExchange exchange, String view,
			Function<String, Mono<?>> found) {
		String wanted = TrackingCode.normalized(typed);
		model.addAttribute("code", wanted);
		if (wanted.isEmpty()) {
			return Mono.just(view);
		}
		return Mono.defer(() -> found.apply(wanted)).map(any -> view).switchIfEmpty(Mono.fromSupplier(() -> {
			model.addAttribute("unknownCode", true);
			exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
			return view;
		}));
	}

	/** The same answer as any page that does not exist. */
	public static String notFound(ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
		return "public/not-found";
	}

	/**
	 * A flood gets the limited page, a refusal before the association was opened the
	 * missing page, the rest {@code formView} again with the values kept and each field's
	 * problem next to it (422 for fields).
	 */
	public static String refused(ProblemException problem, Model model, ServerWebExchange exchange, String formView,
			Supplier<Object> emptyForm) {
		exchange.getResponse().setStatusCode(problem.problemType().status());
		if (problem.problemType().status() == HttpStatus.TOO_MANY_REQUESTS) {
			model.addAttribute("problem", problem);
			return "public/limited";
		}
		if (!model.containsAttribute("association")) {
			if (problem.problemType().status() != HttpStatus.NOT_FOUND) {
				// Refused before the association was opened (a body too large): the
				// problem page says why.
				throw problem;
			}
			return notFound(exchange);
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", emptyForm.get());
		}
		model.addAttribute("problem", problem);
		model.addAttribute("errors", FormErrors.of(problem));
		if (problem.problemType().status() == HttpStatus.BAD_REQUEST && !problem.fieldProblems().isEmpty()) {
			exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(422));
		}
		return formView;
	}

}

package sa.rawabit.admin.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * A refusal the console's pages did not handle themselves (a version of another association, a
 * transition the state does not allow) is shown as a page in the reader's language with its status;
 * the APIs keep answering the same problem as RFC 9457 JSON.
 */
@ControllerAdvice
class ConsoleErrors {

	@ExceptionHandler(ProblemException.class)
	Mono<Rendering> problem(ProblemException problem, ServerWebExchange exchange,
			@AuthenticationPrincipal StaffMember me) {
		if (!exchange.getRequest().getPath().value().startsWith("/console/")) {
			return Mono.error(problem);
		}
		return Mono.just(Rendering.view("console/error")
			.modelAttribute("me", me)
			.modelAttribute("problem", problem)
			.status(problem.problemType().status())
			.build());
	}
}

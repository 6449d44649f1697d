package sa.rawabit.admin.tools;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The tenant administrator's tools page: each tool of the policy in force with its latest
 * version, an upload form (multipart, with the CSRF token as a form part) and the version
 * history with downloads. Uploads go through {@link ToolShelf}, as in the API.
 */
@PageController
@RequestMapping("/console/tools")
class ToolsConsoleController implements RendersPages {

	private final ToolShelf shelf;

	ToolsConsoleController(ToolShelf shelf) {
		this.shelf = shelf;
	}

	@GetMapping
	Mono<Rendering> tools(@AuthenticationPrincipal StaffMember me,
			@RequestParam(name = "uploaded", required = false) @Nullable String uploaded) {
		return page(me, null, null, Map.of(), HttpStatus.OK, uploaded == null ? "" : uploaded);
	}

	@PostMapping("/{toolId}")
	Mono<Rendering> upload(@AuthenticationPrincipal StaffMember me, @PathVariable String toolId,
			ServerWebExchange exchange) {
		return UploadForm.read(exchange)
			.flatMap(form -> shelf.upload(toolId, form, me.username())
				.map(stored -> Rendering.redirectTo("/console/tools?uploaded=" + toolId).build())
				.onErrorResume(ProblemException.class,
						problem -> page(me, problem, toolId, form.values(), problem.problemType().status(), "")))
			.onErrorResume(ProblemException.class,
					problem -> page(me, problem, toolId, Map.of(), problem.problemType().status(), ""));
	}

	@GetMapping("/{toolId}/versions/{version}")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> download(@PathVariable String toolId, @PathVariable int version) {
		return shelf.content(toolId, version)
			.map(document -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(document.mediaType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(document.fileName(), StandardCharsets.UTF_8)
							.build()
							.toString())
				.header("X-Content-Type-Options", "nosniff")
				.body(document.content()));
	}

	private Mono<Rendering> page(StaffMember me, @Nullable ProblemException problem, @Nullable String refusedFor,
			Map<String, String> values, HttpStatus status, String uploaded) {
		return shelf.shelf().map(tools -> {
			Map<String, Object> model = new HashMap<>();
			model.put("me", me);
			model.put("tools", tools);
			model.put("values", values);
			model.put("uploaded", uploaded);
			// A refusal shows inside its tool's card, or above them all for a tool the
			// policy does not name.
			boolean named = tools.stream().anyMatch(tool -> tool.id().equals(refusedFor));
			model.put("refusedFor", named ? refusedFor : "");
			if (problem != null) {
				model.put("refused", problem);
			}
			return Rendering.view("console/tools").model(model).status(status).build();
		});
	}

}

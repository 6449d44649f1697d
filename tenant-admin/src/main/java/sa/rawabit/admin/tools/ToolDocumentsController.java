package sa.rawabit.admin.tools;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * A tenant administrator's tool documents. The path names the association so the address
 * reads well, but the token decides it: another association's id answers 404, as if it
 * did not exist.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/tools")
class ToolDocumentsController {

	private final ToolShelf shelf;

	ToolDocumentsController(ToolShelf shelf) {
		this.shelf = shelf;
	}

	@GetMapping
	Mono<List<ToolShelfEntry>> tools(@PathVariable UUID tenantId, @AuthenticationPrincipal StaffMember me) {
		return own(tenantId, me).then(shelf.shelf());
	}

	@PostMapping("/{toolId}/documents")
	Mono<ResponseEntity<ToolVersion>> upload(@PathVariable UUID tenantId, @PathVariable String toolId,
			@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange) {
		return own(tenantId, me).then(UploadForm.read(exchange))
			.flatMap(form -> shelf.upload(toolId, form, me.username()))
			.map(stored -> ResponseEntity
				.created(URI.create("/api/tenants/" + tenantId + "/tools/" + toolId + "/documents/" + stored.version()))
				.body(stored));
	}

	private static Mono<Void> own(UUID tenantId, StaffMember me) {
		return me.tenant() != null && me.tenant().value().equals(tenantId) ? Mono.empty()
				: Mono.error(ProblemException.notFound("association"));
	}

}

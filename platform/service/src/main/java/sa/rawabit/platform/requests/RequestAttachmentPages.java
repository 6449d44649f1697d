package sa.rawabit.platform.requests;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * A request's documents on its page: the upload form (a plain multipart form, so it works
 * without script) and the download a signed-in page can follow - the API's twin sits
 * behind bearer tokens. Both go through {@link Attachments} and {@link RequestQueues} as
 * the API does: the limits, the type sniffing, who may attach and who may read are
 * theirs; a refusal is shown inline next to the file field.
 */
@PageController
class RequestAttachmentPages implements RendersPages {

	/**
	 * The action name the page's model gives a refused upload, so the form shows the
	 * refusal.
	 */
	static final String ACTION = "attach";

	private final Attachments attachments;

	private final RequestQueues queues;

	private final RequestDetailPage page;

	RequestAttachmentPages(Attachments attachments, RequestQueues queues, RequestDetailPage page) {
		this.attachments = attachments;
		this.queues = queues;
		this.page = page;
	}

	@PostMapping("/requests/{id}/attachments")
	Mono<String> attach(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, ServerWebExchange exchange,
			Model model) {
		me.requireTenant();
		RequestId request = new RequestId(id);
		return exchange.getMultipartData()
			.flatMap(parts -> Mono.defer(() -> attachments.attach(request, file(parts), item(parts), me)))
			.thenReturn("redirect:/requests/" + id)
			.onErrorResume(ProblemException.class, problem -> {
				FormErrors.status(exchange, problem);
				return page.render(me, request, ACTION, problem, ActionForm.empty(), model);
			});
	}

	@GetMapping("/requests/{id}/attachments/{attachment}")
	Mono<ResponseEntity<byte[]>> download(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id,
			@PathVariable UUID attachment) {
		return Mono.fromRunnable(me::requireTenant)
			.then(queues.attachment(new RequestId(id), attachment, me))
			.map(Attachments::download)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("attachment")));
	}

	/**
	 * The chosen file; a form sent without one (or not as multipart) is told the field is
	 * required.
	 */
	private static FilePart file(MultiValueMap<String, Part> parts) {
		if (parts.getFirst("file") instanceof FilePart file) {
			return file;
		}
		throw ProblemException.invalidField("file", "Choose a file to attach", "اختر ملفاً لإرفاقه");
	}

	/**
	 * The checklist item the document stands for, or null for "none"; its range is the
	 * procedure's to check.
	 */
	private static @Nullable Integer item(MultiValueMap<String, Part> parts) {
		String value = parts.getFirst("item") instanceof FormFieldPart field ? field.value().strip() : "";
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException notANumber) {
			throw ProblemException.invalidField("item", "Not a checklist item", "ليس من المتطلبات");
		}
	}

}

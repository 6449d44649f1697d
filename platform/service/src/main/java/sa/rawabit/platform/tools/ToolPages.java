package sa.rawabit.platform.tools;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.tools.ToolDocumentRecords.DocumentContent;

/**
 * Staff's tools page (every tool the policy in force names, with its latest document) and the
 * downloads: any version for the association's staff, the latest public one for everybody.
 */
@PageController
class ToolPages {

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

	@GetMapping("/tools/{toolId}")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> latest(@AuthenticationPrincipal StaffMember me, @PathVariable String toolId) {
		return staffDownload(me, toolId, null);
	}

	@GetMapping("/tools/{toolId}/versions/{version}")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> version(@AuthenticationPrincipal StaffMember me, @PathVariable String toolId,
			@PathVariable int version) {
		return staffDownload(me, toolId, version);
	}

	@GetMapping("/public/{slug}/documents/{toolId}")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> publicDocument(@PathVariable String slug, @PathVariable String toolId) {
		return shelf.forPublic(slug, toolId, null).map(ToolPages::download);
	}

	@GetMapping("/public/{slug}/documents/{toolId}/versions/{version}")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> publicVersion(@PathVariable String slug, @PathVariable String toolId,
			@PathVariable int version) {
		return shelf.forPublic(slug, toolId, version).map(ToolPages::download);
	}

	private Mono<ResponseEntity<byte[]>> staffDownload(StaffMember me, String toolId, @Nullable Integer version) {
		me.requireTenant();
		return shelf.forStaff(me.tenant(), toolId, version).map(ToolPages::download);
	}

	/** The stored type, never sniffed by the browser, always saved rather than shown inline. */
	private static ResponseEntity<byte[]> download(DocumentContent content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.document().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(content.document().fileName(), StandardCharsets.UTF_8)
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content.bytes());
	}
}

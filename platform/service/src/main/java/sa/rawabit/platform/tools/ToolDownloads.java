package sa.rawabit.platform.tools;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The downloads: any version for the association's staff, the latest public one (or the
 * public version an answer linked) for everybody. What the version is comes first,
 * without its bytes, so a refusal reads none; the bytes follow in slices
 * ({@link DocumentSlices}). Public downloads hold a place ({@link DownloadLimits}) from
 * before anything is read until the response completes, fails or the client goes away.
 * <p>
 * Each handler writes the response itself (a {@code Mono<Void>} with the exchange): the
 * place is released when that {@code Mono} ends, however it ends, which a body handed
 * back to Spring could not promise (a body never subscribed to would keep its place for
 * ever).
 */
@Controller
class ToolDownloads {

	private final ToolShelf shelf;

	private final DocumentSlices slices;

	private final DownloadLimits limits;

	ToolDownloads(ToolShelf shelf, DocumentSlices slices, DownloadLimits limits) {
		this.shelf = shelf;
		this.slices = slices;
		this.limits = limits;
	}

	@GetMapping("/tools/{toolId}")
	Mono<Void> latest(@AuthenticationPrincipal StaffMember me, @PathVariable String toolId,
			ServerWebExchange exchange) {
		return staffDownload(me, toolId, null, exchange);
	}

	@GetMapping("/tools/{toolId}/versions/{version}")
	Mono<Void> version(@AuthenticationPrincipal StaffMember me, @PathVariable String toolId, @PathVariable int version,
			ServerWebExchange exchange) {
		return staffDownload(me, toolId, version, exchange);
	}

	@GetMapping("/public/{slug}/documents/{toolId}")
	Mono<Void> publicDocument(@PathVariable String slug, @PathVariable String toolId, ServerWebExchange exchange) {
		return publicDownload(slug, toolId, null, exchange);
	}

	@GetMapping("/public/{slug}/documents/{toolId}/versions/{version}")
	Mono<Void> publicVersion(@PathVariable String slug, @PathVariable String toolId, @PathVariable int version,
			ServerWebExchange exchange) {
		return publicDownload(slug, toolId, version, exchange);
	}

	private Mono<Void> staffDownload(StaffMember me, String toolId, @Nullable Integer version,
			ServerWebExchange exchange) {
		me.requireTenant();
		return shelf.forStaff(me.tenant(), toolId, version).flatMap(found -> send(exchange, found));
	}

	private Mono<Void> publicDownload(String slug, String toolId, @Nullable Integer version,
			ServerWebExchange exchange) {
		return Mono.defer(() -> {
			DownloadLimits.Permit permit = limits.admit(exchange);
			return shelf.forPublic(slug, toolId, version)
				.flatMap(found -> send(exchange, found))
				.doFinally(signal -> permit.release());
		});
	}

	/**
	 * The stored type, never sniffed by the browser, always saved rather than shown
	 * inline.
	 */
	private Mono<Void> send(ServerWebExchange exchange, DocumentDownload found) {
		ServerHttpResponse response = exchange.getResponse();
		ToolDocument document = found.document();
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.parseMediaType(document.mediaType()));
		headers.setContentLength(document.sizeBytes());
		headers.setContentDisposition(
				ContentDisposition.attachment().filename(document.fileName(), StandardCharsets.UTF_8).build());
		headers.set("X-Content-Type-Options", "nosniff");
		if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
			return response.setComplete(); // Spring would read the whole body only to
											// throw it away
		}
		return response.writeWith(slices.of(found, response.bufferFactory()));
	}

}

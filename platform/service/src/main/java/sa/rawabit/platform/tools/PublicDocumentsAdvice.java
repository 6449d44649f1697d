package sa.rawabit.platform.tools;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.platform.tenancy.TenantDirectory;

/**
 * Puts {@code publicDocuments} (the association's public tool documents) into the model
 * of its public landing page {@code /public/{slug}}, where
 * {@code tools/public :: documents} lists them. Resolved only when that page renders; the
 * landing page's controller stays unaware of tools.
 */
@ControllerAdvice(assignableTypes = RendersPages.class)
class PublicDocumentsAdvice {

	private static final Pattern LANDING = Pattern.compile("^/public/([^/]+)/?$");

	private final ToolShelf shelf;

	private final TenantDirectory tenants;

	PublicDocumentsAdvice(ToolShelf shelf, TenantDirectory tenants) {
		this.shelf = shelf;
		this.tenants = tenants;
	}

	@ModelAttribute("publicDocuments")
	Mono<List<ShelfItem>> publicDocuments(ServerWebExchange exchange) {
		Matcher landing = LANDING.matcher(exchange.getRequest().getPath().value());
		if (!landing.matches()) {
			return Mono.just(List.of());
		}
		return tenants.findBySlug(landing.group(1))
			.filter(tenant -> tenant.status().isServed())
			.flatMap(tenant -> shelf.publicShelf(tenant.id()))
			.defaultIfEmpty(List.of())
			// The list is an extra on the public page; a failure to read it must not take
			// the page down.
			.onErrorResume(failure -> Mono.just(List.of()));
	}

}

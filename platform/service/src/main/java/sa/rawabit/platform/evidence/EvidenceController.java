package sa.rawabit.platform.evidence;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.time.TimeProperties;

/**
 * The pack for top management and the association's administrator: {@code /evidence} to
 * read and print (the page prints cleanly to PDF), {@code /evidence/pack.html} to
 * download the same page as one self-contained file, {@code /evidence/figures.csv} for
 * the figures.
 */
@PageController
class EvidenceController implements RendersPages {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final EvidencePacks packs;

	private final TimeProperties time;

	EvidenceController(EvidencePacks packs, TimeProperties time) {
		this.time = time;
		this.packs = packs;
	}

	@GetMapping("/evidence")
	Mono<String> page(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange, Model model) {
		return render(me, exchange, model, false);
	}

	@GetMapping("/evidence/pack.html")
	Mono<String> download(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange, Model model) {
		return render(me, exchange, model, true);
	}

	@GetMapping("/evidence/figures.csv")
	Mono<ResponseEntity<byte[]>> csv(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange) {
		return packs.of(me, base(exchange))
			.map(pack -> ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(fileName(pack, "csv")).build().toString())
				.body(EvidenceCsv.write(pack)));
	}

	private Mono<String> render(StaffMember me, ServerWebExchange exchange, Model model, boolean standalone) {
		return packs.of(me, base(exchange)).map(pack -> {
			if (standalone) {
				exchange.getResponse()
					.getHeaders()
					.setContentDisposition(ContentDisposition.attachment().filename(fileName(pack, "html")).build());
			}
			model.addAttribute("me", me);
			model.addAttribute("pack", pack);
			model.addAttribute("standalone", standalone);
			return "evidence/pack";
		});
	}

	private static String base(ServerWebExchange exchange) {
		return UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
			.replacePath(null)
			.replaceQuery(null)
			.build()
			.toUriString();
	}

	private String fileName(EvidencePack pack, String extension) {
		LocalDate day = time.day(pack.preparedAt());
		return "evidence-" + pack.association().slug() + "-" + day + "." + extension;
	}

}

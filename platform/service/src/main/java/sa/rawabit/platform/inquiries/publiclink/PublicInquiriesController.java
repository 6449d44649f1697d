package sa.rawabit.platform.inquiries.publiclink;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.platform.inquiries.publiclink.PublicInquiryRecords.Tracked;
import sa.rawabit.platform.publicaccess.PublicAssociations.Opened;
import sa.rawabit.platform.publicaccess.PublicGate;

/**
 * The association's public inquiry link as JSON, beside the complaint link: no sign-in.
 * An unknown slug, a suspended association and one whose policy does not enable the
 * website channel all answer like a page that does not exist. Abuse is refused before
 * anything is stored: the address bucket, the body size, the association bucket, the
 * honeypot, then the fields.
 */
@RestController
@RequestMapping("/public/{slug}/inquiries")
class PublicInquiriesController {

	private final PublicInquiryLink link;

	private final PublicGate gate;

	PublicInquiriesController(PublicInquiryLink link, PublicGate gate) {
		this.link = link;
		this.gate = gate;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> ask(@PathVariable String slug, ServerWebExchange exchange) {
		return gate.admitAddress(exchange, PublicInquiryLink.INQUIRIES).then(Mono.defer(() -> {
			gate.admitSize(exchange);
			return open(slug).flatMap(opened -> gate.admitAssociation(exchange, PublicInquiryLink.INQUIRIES, slug)
				.then(body(exchange))
				.flatMap(form -> link.ask(opened, form)));
		}))
			.map(asked -> Map.of("trackingCode", asked.code().value(), "state", asked.inquiry().state().column(),
					"status", "/public/" + slug + "/inquiries/" + asked.code().value()));
	}

	/**
	 * Where the inquiry stands: its state and dates only, never the question, the answer
	 * or who asked.
	 */
	@GetMapping("/{code}")
	Mono<Map<String, Object>> status(@PathVariable String slug, @PathVariable String code, ServerWebExchange exchange) {
		return gate.admitAddress(exchange, PublicInquiryLink.INQUIRIES)
			.then(Mono.defer(() -> open(slug).flatMap(opened -> link.track(opened, code))))
			.switchIfEmpty(Mono.error(PublicInquiriesController::missing))
			.map(PublicInquiriesController::view);
	}

	static Map<String, Object> view(Tracked tracked) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("trackingCode", tracked.trackingCode());
		view.put("state", tracked.state());
		view.put("receivedAt", tracked.receivedAt().toString());
		if (tracked.answeredAt() != null) {
			view.put("answeredAt", tracked.answeredAt().toString());
		}
		if (tracked.convertedAt() != null) {
			view.put("convertedAt", tracked.convertedAt().toString());
		}
		return view;
	}

	private Mono<Opened> open(String slug) {
		return link.open(slug).switchIfEmpty(Mono.error(PublicInquiriesController::missing));
	}

	private Mono<PublicInquiryForm> body(ServerWebExchange exchange) {
		return gate.json(exchange, PublicInquiryForm.class);
	}

	/** The same answer as any page that does not exist. */
	static ResponseStatusException missing() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}

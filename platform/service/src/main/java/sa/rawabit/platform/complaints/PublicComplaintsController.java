package sa.rawabit.platform.complaints;

import java.util.LinkedHashMap;
import java.util.List;
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
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.publicaccess.PublicAssociations.Opened;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.platform.publicaccess.TrackingCode;
import sa.rawabit.policy.Text;

/**
 * The association's public complaint link: no sign-in. An unknown slug, a suspended
 * association and one whose policy has no public link all answer exactly like a page that
 * does not exist, so the link cannot be used to list associations. Abuse is refused
 * before anything is stored: the address and association buckets, the body size, the
 * honeypot, then the fields.
 */
@RestController
@RequestMapping("/public/{slug}/complaints")
class PublicComplaintsController {

	private final PublicLink link;

	private final ComplaintRecords records;

	private final Transactions transactions;

	private final PublicGate gate;

	PublicComplaintsController(PublicLink link, ComplaintRecords records, Transactions transactions, PublicGate gate) {
		this.link = link;
		this.records = records;
		this.transactions = transactions;
		this.gate = gate;
	}

	/** What the form shows and asks for, from the policy in force. */
	@GetMapping("/form")
	Mono<Map<String, Object>> form(@PathVariable String slug) {
		return open(slug).map(loaded -> {
			var policy = loaded.policy();
			Map<String, Object> form = new LinkedHashMap<>();
			form.put("association", names(policy.association().names()));
			form.put("policyVersion", loaded.version().value());
			form.put("handler", policy.complaints().handler().value());
			form.put("amicableSettlement", policy.complaints().amicableSettlement());
			form.put("otherChannels",
					policy.complaints()
						.intake()
						.stream()
						.filter(channel -> !ComplaintsController.WEBSITE.equals(channel.value()))
						.map(channel -> policy.channel(channel).map(found -> names(found.names())).orElse(Map.of()))
						.toList());
			form.put("fields", List.of(field("name", true, 200), field("contact", false, 200),
					field("subject", true, 200), field("description", true, 5000)));
			return form;
		});
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> file(@PathVariable String slug, ServerWebExchange exchange) {
		return gate.admitAddress(exchange, PublicLink.COMPLAINTS).then(Mono.defer(() -> {
			gate.admitSize(exchange);
			return open(slug).flatMap(loaded -> gate.admitAssociation(exchange, PublicLink.COMPLAINTS, slug)
				.then(body(exchange))
				.flatMap(form -> link.file(loaded, form)));
		})).map(complaint -> {
			// The only answer that holds the clear code: the database keeps its hash
			// alone.
			String code = java.util.Objects
				.requireNonNull(complaint.trackingCode(), "a complaint just filed has its code")
				.value();
			return Map.of("trackingCode", code, "state", complaint.state().column(), "status",
					"/public/" + slug + "/complaints/" + code);
		});
	}

	/**
	 * The public status page's data: the state only, never the complaint's text or who
	 * handles it.
	 */
	@GetMapping("/{code}")
	Mono<Map<String, Object>> status(@PathVariable String slug, @PathVariable String code, ServerWebExchange exchange) {
		return gate.admitAddress(exchange, PublicLink.COMPLAINTS).then(Mono.defer(() -> {
			if (!TrackingCode.looksValid(code)) {
				return Mono.error(missing());
			}
			return open(slug)
				.flatMap(loaded -> transactions.inTenant(records.findByTrackingCode(new TrackingCode(code)))
					.contextWrite(TenantContext.of(loaded.tenant())));
		})).switchIfEmpty(Mono.error(PublicComplaintsController::missing)).map(complaint -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("trackingCode", code);
			view.put("state", complaint.state().column());
			view.put("stateAr", complaint.state().ar);
			view.put("stateEn", complaint.state().en);
			view.put("receivedAt", complaint.receivedAt().toString());
			view.put("updatedAt", complaint.updatedAt().toString());
			return view;
		});
	}

	/**
	 * The association's policy in force when it is active and its policy opens a public
	 * link.
	 */
	private Mono<LoadedPolicy> open(String slug) {
		return link.open(slug).map(Opened::loaded).switchIfEmpty(Mono.error(PublicComplaintsController::missing));
	}

	private Mono<PublicComplaintForm> body(ServerWebExchange exchange) {
		return gate.json(exchange, PublicComplaintForm.class);
	}

	/** The same answer as any page that does not exist. */
	static ResponseStatusException missing() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private static Map<String, Object> field(String name, boolean required, int maxLength) {
		return Map.of("name", name, "required", required, "maxLength", maxLength);
	}

	private static Map<String, String> names(Text text) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("ar", text.ar());
		if (text.en() != null) {
			names.put("en", text.en());
		}
		return names;
	}

}

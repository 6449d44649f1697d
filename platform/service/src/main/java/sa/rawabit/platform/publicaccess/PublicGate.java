package sa.rawabit.platform.publicaccess;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.limits.Limit;
import sa.rawabit.foundation.limits.LocalRateLimiter;
import sa.rawabit.foundation.limits.RateLimiter;
import sa.rawabit.foundation.problem.JsonProblems;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.proxies.ClientAddress;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.platform.publicaccess.PublicAssociations.Opened;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What stands in front of every public link before anything is read or stored: one token
 * bucket per client address and one per association (each link with its own keys, all
 * under the same limits), the body-size limit and the honeypot. A refusal throws a
 * {@link ProblemException}; a flood refusal also tells the client when to come back
 * ({@code Retry-After}).
 */
@Component
public class PublicGate {

	public static final ProblemType REJECTED = new ProblemType("submission-rejected", HttpStatus.BAD_REQUEST,
			"The submission was rejected", "رُفض الإرسال");

	private final RateLimiter limiter;

	private final Limit addresses;

	private final Limit associations;

	private final PublicAccessProperties properties;

	private final JsonMapper json;

	PublicGate(PublicAccessProperties properties, RateLimiter limiter, JsonMapper json) {
		this.properties = properties;
		this.limiter = limiter;
		this.json = json;
		this.addresses = new Limit("public-address", properties.addressCapacity(), properties.addressRefill());
		this.associations = new Limit("public-association", properties.associationCapacity(),
				properties.associationRefill());
	}

	/**
	 * One request of {@code link} from the client's address (an IPv6 client by its /64;
	 * behind a trusted proxy, the address it forwarded); fails with 429 when its bucket
	 * is empty. With Redis configured every replica takes from the same bucket.
	 */
	public Mono<Void> admitAddress(ServerWebExchange exchange, PublicLinkKind link) {
		return limiter.take(addresses, link.key() + ' ' + ClientAddress.key(exchange))
			.flatMap(wait -> wait > 0 ? Mono.error(tooMany(exchange, wait, link.fromAddressEn(), link.fromAddressAr()))
					: Mono.empty());
	}

	/**
	 * One submission of {@code link} to the association; fails with 429 when its bucket
	 * is empty.
	 */
	public Mono<Void> admitAssociation(ServerWebExchange exchange, PublicLinkKind link, String slug) {
		return limiter.take(associations, link.key() + ' ' + slug)
			.flatMap(wait -> wait > 0
					? Mono.error(tooMany(exchange, wait, link.toAssociationEn(), link.toAssociationAr()))
					: Mono.empty());
	}

	/**
	 * Refuses a body that declares itself larger than the limit (413), before it is read.
	 */
	public void admitSize(ServerWebExchange exchange) {
		if (exchange.getRequest().getHeaders().getContentLength() > properties.maxBody().toBytes()) {
			throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
					"The form may be at most " + properties.maxBody().toKilobytes() + " KB",
					"الحد الأعلى لحجم النموذج " + properties.maxBody().toKilobytes() + " كيلوبايت", null);
		}
	}

	/**
	 * A form posted to a public link's page, admitted in the order every link keeps: the
	 * client address's token, the body's size, the association {@code open} finds (empty
	 * when the slug opens none: the missing page), the association's token, then the form
	 * as {@code read}, put in the model as typed so that a refusal shows it again, and
	 * {@code submit}, which stores it and names the page to go to. A refusal fails with
	 * its {@link ProblemException} for the page to show.
	 */
	public <F> Mono<String> admitForm(ServerWebExchange exchange, PublicLinkKind link, String slug,
			Supplier<Mono<Opened>> open, Function<MultiValueMap<String, String>, F> read, Model model,
			BiFunction<Opened, F, Mono<String>> submit) {
		return admitAddress(exchange, link).then(Mono.defer(() -> {
			admitSize(exchange);
			return open.get()
				.flatMap(opened -> admitAssociation(exchange, link, slug).then(exchange.getFormData())
					.map(read)
					.flatMap(form -> {
						model.addAttribute("form", form);
						return submit.apply(opened, form);
					}))
				.switchIfEmpty(Mono.fromSupplier(() -> PublicPages.notFound(exchange)));
		}));
	}

	/**
	 * The JSON body read as {@code type}; 400 when it is empty or not JSON, 413 when
	 * larger than the limit.
	 */
	public <T> Mono<T> json(ServerWebExchange exchange, Class<T> type) {
		return body(exchange).map(bytes -> {
			T form;
			try {
				form = json.readValue(bytes, type);
			}
			catch (JacksonException unreadable) {
				throw JsonProblems.of(unreadable);
			}
			if (form == null) {
				// The body "null" is valid JSON, but no form.
				throw new ProblemException(ProblemType.BAD_REQUEST, "The form is empty", "النموذج فارغ", "body");
			}
			return form;
		});
	}

	/**
	 * The body, read whole up to the limit (a larger one fails as 413 however it was
	 * sent); 400 when empty.
	 */
	private Mono<byte[]> body(ServerWebExchange exchange) {
		return DataBufferUtils.join(exchange.getRequest().getBody(), (int) properties.maxBody().toBytes())
			.switchIfEmpty(Mono
				.error(() -> new ProblemException(ProblemType.BAD_REQUEST, "The form is empty", "النموذج فارغ", null)))
			.map(buffer -> {
				try {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					return bytes;
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			});
	}

	/**
	 * The honeypot: a field people never see, filled in by bots that fill in everything.
	 */
	public static void refuseHoneypot(@Nullable String honeypot) {
		if (honeypot != null && !honeypot.isEmpty()) {
			throw new ProblemException(REJECTED, "The submission was rejected", "رُفض الإرسال", null);
		}
	}

	/** For tests that share one application (and so one set of in-memory buckets). */
	public void forgetAll() {
		if (limiter instanceof LocalRateLimiter local) {
			local.forgetAll();
		}
	}

	/**
	 * Sets Retry-After just before the answer is written, whichever page or problem the
	 * refusal becomes.
	 */
	private static ProblemException tooMany(ServerWebExchange exchange, long waitMillis, String en, String ar) {
		String seconds = Long.toString(Math.max(1, (waitMillis + 999) / 1000));
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, seconds);
			return Mono.empty();
		});
		return new ProblemException(ProblemType.TOO_MANY_REQUESTS, en, ar, null);
	}

}

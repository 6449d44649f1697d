package sa.rawabit.foundation.input;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/**
 * Refuses, before security and routing, an address longer than {@value #MAX_URI}
 * characters (414 with a problem; Netty's own limit is set above it so the answer has a
 * body) and query parameters that are malformed or hold refused characters (naming the
 * parameter), so {@code ?service=%00} never reaches SQL. Form bodies are read by the
 * {@link StrictFormReader} whoever asks the exchange for them.
 */
public final class InputFilter implements WebFilter, Ordered {

	public static final int MAX_URI = 8 * 1024;

	private static final StrictFormReader FORMS = new StrictFormReader();

	private static final ResolvableType FORM_TYPE = ResolvableType.forClassWithGenerics(MultiValueMap.class,
			String.class, String.class);

	static final ProblemType URI_TOO_LONG = new ProblemType("uri-too-long", HttpStatus.URI_TOO_LONG,
			"The address is too long", "العنوان أطول من المسموح");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String raw = exchange.getRequest().getURI().getRawPath();
		String query = exchange.getRequest().getURI().getRawQuery();
		if (raw.length() + (query == null ? 0 : query.length()) > MAX_URI) {
			return Mono
				.error(new ProblemException(URI_TOO_LONG, "The address may be at most " + MAX_URI + " characters",
						"الحد الأعلى لطول العنوان " + MAX_URI + " حرفاً", null));
		}
		ServerWebExchange checked = strictForms(exchange);
		if (query == null) {
			return chain.filter(checked);
		}
		MultiValueMap<String, String> parameters;
		try {
			parameters = exchange.getRequest().getQueryParams();
		}
		catch (IllegalArgumentException malformed) {
			return Mono.error(InputText.malformed("query"));
		}
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (!InputText.isClean(name)) {
				return Mono.error(InputText.invalid("query"));
			}
			for (String value : parameter.getValue()) {
				if (!InputText.isClean(value)) {
					return Mono.error(InputText.invalid(name));
				}
			}
		}
		return chain.filter(checked);
	}

	private static ServerWebExchange strictForms(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return exchange;
		}
		Mono<MultiValueMap<String, String>> form = FORMS.readMono(FORM_TYPE, exchange.getRequest(), Map.of()).cache();
		return new ServerWebExchangeDecorator(exchange) {
			@Override
			public Mono<MultiValueMap<String, String>> getFormData() {
				return form;
			}
		};
	}

	/**
	 * Spring's filter chain names a checkpoint after each filter on every request: a
	 * constant name allocates nothing (the default is a fresh {@code Class@hash} string).
	 */
	@Override
	public String toString() {
		return "InputFilter";
	}

}

package sa.rawabit.platform.dashboard;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The sections fragment as rendered once per view and language, written again to every
 * watcher of that view: with a thousand staff watching, rendering the page for each
 * reload cost more than everything else the dashboard does (a JFR profile of the
 * dashboard benchmark: a third of the replica's samples in Thymeleaf, mostly formatting
 * the same dates). Runs after the security chains, so only a signed-in member reaches it,
 * and the bytes depend on nothing of the request but what {@link DashboardSections.View}
 * and the language hold — the page marks what arrived since it opened itself (live.js).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class SectionResponses implements WebFilter {

	static final String PATH = "/dashboard/sections";

	private final DashboardSections sections;

	/**
	 * Renderings while fresh ({@code rawabit.dashboard.cache-for}); old versions swept
	 * like the sections.
	 */
	private final SectionCache<Key, Rendered> rendered;

	private final Counter renderings;

	private final Map<Key, Sinks.One<Rendered>> inFlight = new ConcurrentHashMap<>();

	SectionResponses(DashboardSections sections, DashboardProperties properties, MeterRegistry meters) {
		this.sections = sections;
		this.rendered = new SectionCache<>(properties.cacheFor());
		this.renderings = Counter.builder("rawabit.dashboard.renderings")
			.description("Dashboard sections rendered (each written again to every watcher of its view and language)")
			.register(meters);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())
				|| !PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		Long seen;
		try {
			seen = seen(exchange);
		}
		catch (NumberFormatException notANumber) {
			return chain.filter(exchange); // the controller answers it as a problem
											// naming the parameter
		}
		return StaffMember.ofAssociation(exchange)
			.map(me -> key(exchange, me, seen))
			.map(key -> rendered.peek(key)
				.map(body -> write(exchange.getResponse(), body))
				.orElseGet(() -> renderOrWait(exchange, chain, key)))
			.defaultIfEmpty(Mono.defer(() -> chain.filter(exchange)))
			.flatMap(next -> next);
	}

	/**
	 * The first watcher of a new view renders it; those arriving meanwhile wait for that
	 * rendering instead of each starting their own (a thousand pages reload within the
	 * same second after an event, and a saturated replica renders slower, so without this
	 * it rendered more the busier it was). A rendering that fails or is not a 200 leaves
	 * each waiter to render its own.
	 */
	private Mono<Void> renderOrWait(ServerWebExchange exchange, WebFilterChain chain, Key key) {
		Sinks.One<Rendered> mine = Sinks.one();
		Sinks.One<Rendered> running = inFlight.putIfAbsent(key, mine);
		if (running != null) {
			return running.asMono()
				.map(body -> write(exchange.getResponse(), body))
				.defaultIfEmpty(Mono.defer(() -> chain.filter(exchange)))
				.flatMap(next -> next);
		}
		return chain.filter(exchange.mutate().response(new Keeping(exchange.getResponse(), key, mine)).build())
			.doFinally(signal -> {
				inFlight.remove(key, mine);
				mine.tryEmitEmpty();
			});
	}

	private Key key(ServerWebExchange exchange, StaffMember me, @Nullable Long seen) {
		Locale locale = Objects.requireNonNullElse(exchange.getLocaleContext().getLocale(), Locale.ROOT);
		return new Key(sections.viewOf(me, seen), locale.toLanguageTag());
	}

	/** The last event the page heard; not a number: {@link NumberFormatException}. */
	private static @Nullable Long seen(ServerWebExchange exchange) {
		String seen = exchange.getRequest().getQueryParams().getFirst("seen");
		return seen == null || seen.isBlank() ? null : Long.valueOf(seen.strip());
	}

	private static Mono<Void> write(ServerHttpResponse response, Rendered body) {
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentType(body.type());
		if (body.language() != null) {
			response.getHeaders().setContentLanguage(body.language());
		}
		response.getHeaders().setContentLength(body.bytes().length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body.bytes())));
	}

	/**
	 * Keeps a successful rendering for the next watcher of the same view while writing it
	 * out.
	 */
	private final class Keeping extends ServerHttpResponseDecorator {

		private final Key key;

		private final Sinks.One<Rendered> waiting;

		Keeping(ServerHttpResponse delegate, Key key, Sinks.One<Rendered> waiting) {
			super(delegate);
			this.key = key;
			this.waiting = waiting;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(body).flatMap(joined -> {
				byte[] bytes = new byte[joined.readableByteCount()];
				joined.read(bytes);
				DataBufferUtils.release(joined);
				MediaType type = getHeaders().getContentType();
				// No status set is 200 when the response commits; anything else is not
				// kept.
				if ((getStatusCode() == null || HttpStatus.OK.equals(getStatusCode())) && type != null) {
					Rendered done = new Rendered(bytes, type, getHeaders().getContentLanguage());
					rendered.put(key, done);
					renderings.increment();
					waiting.tryEmitValue(done);
				}
				return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
			});
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).concatMap(Flux::from));
		}

	}

	record Key(DashboardSections.View view, String language) {
	}

	record Rendered(byte[] bytes, MediaType type, @Nullable Locale language) {
	}

	/**
	 * Spring's filter chain names a checkpoint after each filter on every request: a
	 * constant name allocates nothing (the default is a fresh {@code Class@hash} string).
	 */
	@Override
	public String toString() {
		return "SectionResponses";
	}

}

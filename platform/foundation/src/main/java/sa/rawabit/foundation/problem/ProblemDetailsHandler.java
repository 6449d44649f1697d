package sa.rawabit.foundation.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.DatabaseFailures;
import sa.rawabit.foundation.redis.RedisFailures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One place turns every failure — ours, Spring's, or a missing route — into an RFC 9457
 * answer. It runs before Boot's own error handler so no error leaves as HTML or as Boot's
 * error attributes.
 */
@Order(-2)
public final class ProblemDetailsHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

	/**
	 * A restarting PostgreSQL is usually back within seconds; clients that honour this
	 * spread their retries.
	 */
	private static final String RETRY_AFTER_SECONDS = "5";

	private static final String REFERRER_POLICY = "Referrer-Policy";

	private final JsonMapper json;

	public ProblemDetailsHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(failure);
		}
		Problem problem = describe(failure);
		Locale locale = exchange.getLocaleContext().getLocale();
		locale = locale == null ? Locale.of("ar") : locale;
		response.setStatusCode(problem.type().status());
		// Answers given before the security chains (an address too long, one the firewall
		// refuses) miss their
		// header writers; the address may still hold a survey token or a tracking code.
		response.getHeaders().set(REFERRER_POLICY, "no-referrer");
		if (problem.type().status() == HttpStatus.SERVICE_UNAVAILABLE) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		if (ProblemPage.wanted(exchange.getRequest())) {
			response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
			byte[] page = ProblemPage.render(problem, locale).getBytes(StandardCharsets.UTF_8);
			return response.writeWith(Mono.just(response.bufferFactory().wrap(page)));
		}
		byte[] body = json.writeValueAsBytes(problem.body(locale, exchange.getRequest().getPath().value()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	static Problem describe(Throwable failure) {
		if (causedBy(failure, DataBufferLimitException.class)) {
			return new Problem(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint accepts",
					"حجم محتوى الطلب أكبر مما تقبله هذه الواجهة", null, List.of());
		}
		// Before the database's check: Spring Data reports a Redis timeout as a
		// QueryTimeoutException too.
		if (RedisFailures.unavailable(failure)) {
			log.warn("Redis unavailable, answered 503: {}", failure.toString());
			return new Problem(ProblemType.SESSIONS_UNAVAILABLE, "Redis, which keeps sessions, did not answer in time",
					"لم يستجب مخزن الجلسات في الوقت المحدد؛ أعد المحاولة بعد ثوانٍ", null, List.of());
		}
		if (DatabaseFailures.unavailable(failure)) {
			log.warn("Database unavailable, answered 503: {}", failure.toString());
			return new Problem(ProblemType.DATABASE_UNAVAILABLE,
					"The database could not be reached; try again in a few seconds",
					"تعذّر الوصول إلى قاعدة البيانات؛ أعد المحاولة بعد ثوانٍ", null, List.of());
		}
		JacksonException json = failure instanceof ProblemException ? null : JsonProblems.find(failure);
		if (json != null) {
			return describe(JsonProblems.of(json));
		}
		// A body the codecs cannot read, e.g. a multipart form of more parts than
		// spring.webflux.multipart allows:
		// the sender's mistake, not ours.
		if (!(failure instanceof ProblemException) && !(failure instanceof ErrorResponse)
				&& causedBy(failure, DecodingException.class)) {
			return new Problem(ProblemType.BAD_REQUEST, "The request body could not be read; check its format and size",
					"تعذّرت قراءة محتوى الطلب؛ راجع صيغته وحجمه", null, List.of());
		}
		return switch (failure) {
			case ProblemException problem -> new Problem(problem.problemType(), problem.detailEn(), problem.detailAr(),
					problem.field(), problem.fieldProblems());
			case WebExchangeBindException binding -> validation(binding);
			case ServerWebInputException input -> new Problem(ProblemType.BAD_REQUEST, safeDetail(input),
					"تعذّرت قراءة المدخلات؛ راجع صيغة الطلب", parameterName(input), List.of());
			case ErrorResponse error -> generic(error);
			default -> unexpected(failure);
		};
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static Problem validation(WebExchangeBindException binding) {
		List<FieldProblem> errors = binding.getFieldErrors()
			.stream()
			.map(error -> new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage()),
					"القيمة غير صالحة"))
			.toList();
		String field = errors.isEmpty() ? null : errors.getFirst().field();
		return new Problem(ProblemType.VALIDATION, "Check the fields listed in errors",
				"راجع الحقول المذكورة في قائمة الأخطاء", field, errors);
	}

	private static Problem generic(ErrorResponse error) {
		ProblemType type = ProblemType.forStatus(error.getStatusCode().value());
		if (type.status().is5xxServerError()) {
			log.error("Server error answered as a problem", (Throwable) error);
		}
		return new Problem(type, safeDetail(error), type.titleAr(), null, List.of());
	}

	private static Problem unexpected(Throwable failure) {
		log.error("Unexpected failure answered as internal-error", failure);
		return new Problem(ProblemType.INTERNAL, "The error was logged; please try again later",
				"سُجّل الخطأ؛ يرجى المحاولة لاحقاً", null, List.of());
	}

	private static String safeDetail(ErrorResponse error) {
		String detail = error.getBody().getDetail();
		return detail == null ? ProblemType.forStatus(error.getStatusCode().value()).titleEn() : detail;
	}

	private static @Nullable String parameterName(ServerWebInputException input) {
		return input.getMethodParameter() == null ? null : input.getMethodParameter().getParameterName();
	}

}

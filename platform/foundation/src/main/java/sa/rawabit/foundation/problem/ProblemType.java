package sa.rawabit.foundation.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A kind of problem with a stable {@code type} URI that clients may branch on, and its
 * title in both languages. Features declare their own (e.g. {@code illegal-transition});
 * the generic ones are here.
 */
public record ProblemType(String slug, HttpStatus status, String titleEn, String titleAr) {

	public static final ProblemType BAD_REQUEST = new ProblemType("bad-request", HttpStatus.BAD_REQUEST,
			"The request could not be read", "تعذّرت قراءة الطلب");

	public static final ProblemType VALIDATION = new ProblemType("validation-failed", HttpStatus.BAD_REQUEST,
			"Some fields are not valid", "بعض الحقول غير صحيحة");

	public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", HttpStatus.UNAUTHORIZED,
			"Sign-in required", "يلزم تسجيل الدخول");

	public static final ProblemType FORBIDDEN = new ProblemType("forbidden", HttpStatus.FORBIDDEN,
			"Not allowed for your role", "غير مسموح لدورك");

	public static final ProblemType NOT_FOUND = new ProblemType("not-found", HttpStatus.NOT_FOUND, "Not found",
			"غير موجود");

	public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed",
			HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed here", "الطريقة غير مسموحة هنا");

	public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", HttpStatus.NOT_ACCEPTABLE,
			"No acceptable representation", "لا يتوفر تمثيل مقبول");

	public static final ProblemType CONFLICT = new ProblemType("conflict", HttpStatus.CONFLICT,
			"Conflicts with the current state", "يتعارض مع الحالة الحالية");

	public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large",
			HttpStatus.CONTENT_TOO_LARGE, "The request is too large", "حجم الطلب أكبر من المسموح");

	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type",
			HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type", "نوع المحتوى غير مدعوم");

	public static final ProblemType TOO_MANY_REQUESTS = new ProblemType("too-many-requests",
			HttpStatus.TOO_MANY_REQUESTS, "Too many requests, try again later", "طلبات كثيرة، حاول لاحقاً");

	public static final ProblemType UNAVAILABLE = new ProblemType("unavailable", HttpStatus.SERVICE_UNAVAILABLE,
			"Temporarily unavailable", "الخدمة غير متاحة مؤقتاً");

	/**
	 * The database cannot be reached right now; the caller may try again after
	 * {@code Retry-After}.
	 */
	public static final ProblemType DATABASE_UNAVAILABLE = new ProblemType("database-unavailable",
			HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable for a moment, try again shortly",
			"قاعدة البيانات غير متاحة لحظياً، أعد المحاولة بعد قليل");

	/**
	 * Page sessions' store (Redis) does not answer right now; the caller may try again
	 * after {@code Retry-After}.
	 */
	public static final ProblemType SESSIONS_UNAVAILABLE = new ProblemType("sessions-unavailable",
			HttpStatus.SERVICE_UNAVAILABLE, "Sessions are unavailable for a moment, try again shortly",
			"الجلسات غير متاحة لحظياً، أعد المحاولة بعد قليل");

	public static final ProblemType INTERNAL = new ProblemType("internal-error", HttpStatus.INTERNAL_SERVER_ERROR,
			"Something went wrong on our side", "حدث خطأ من جهتنا");

	public URI type() {
		return URI.create("urn:rawabit:problem:" + slug);
	}

	/** The generic type for a status that carries no more specific meaning. */
	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 400 -> BAD_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> TOO_MANY_REQUESTS;
			case 503 -> UNAVAILABLE;
			default -> status >= 500 ? INTERNAL : BAD_REQUEST;
		};
	}
}

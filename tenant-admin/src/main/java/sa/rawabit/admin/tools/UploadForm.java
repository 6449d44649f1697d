package sa.rawabit.admin.tools;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.input.InputText;
import sa.rawabit.foundation.problem.FieldProblem;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/**
 * A multipart upload of a tool document ({@code file}, {@code public}, optional
 * {@code changeNote}), as the API and the console page both receive it. The multipart
 * reader spills parts over 256 KB to disk and refuses a part over 10 MB
 * ({@code spring.webflux.multipart.max-disk-usage-per-part}); a request whose declared
 * length is already beyond the limit is refused before its body is read.
 */
record UploadForm(@Nullable FilePart file, @Nullable String publicValue, @Nullable String changeNote) {

	/**
	 * Room for the other fields and the multipart boundaries around a file of the maximum
	 * size.
	 */
	private static final long ENVELOPE = 64 * 1024;

	static Mono<UploadForm> read(ServerWebExchange exchange) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > DocumentFile.MAX_BYTES + ENVELOPE) {
			return Mono.error(DocumentFile.tooLarge());
		}
		return exchange.getMultipartData()
			.onErrorMap(DataBufferLimitException.class, tooBig -> DocumentFile.tooLarge())
			.map(UploadForm::of);
	}

	private static UploadForm of(MultiValueMap<String, Part> parts) {
		return new UploadForm(parts.getFirst("file") instanceof FilePart file ? file : null, field(parts, "public"),
				field(parts, "changeNote"));
	}

	private static @Nullable String field(MultiValueMap<String, Part> parts, String name) {
		return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
	}

	/** What the page keeps in the form when it comes back with a problem. */
	Map<String, String> values() {
		Map<String, String> values = new HashMap<>();
		values.put("public", String.valueOf(publicDocument()));
		values.put("changeNote", changeNote == null ? "" : changeNote);
		return values;
	}

	boolean publicDocument() {
		return publicValue != null && (publicValue.equalsIgnoreCase("true") || publicValue.equalsIgnoreCase("on"));
	}

	/**
	 * The checked upload: fields first (cheap), then the file read up to the limit and
	 * sniffed.
	 */
	Mono<Upload> checked() {
		return Mono.defer(() -> {
			InputText.require("public", publicValue);
			InputText.require("changeNote", changeNote);
			InputText.require("file", file == null ? null : file.filename());
			if (publicValue != null && !publicDocument() && !publicValue.equalsIgnoreCase("false")) {
				return Mono.error(invalid("public", "Either true or false", "إما true أو false"));
			}
			String note = changeNote == null || changeNote.isBlank() ? null : changeNote.strip();
			if (note != null && note.length() > 500) {
				return Mono.error(invalid("changeNote", "At most 500 characters", "500 حرف على الأكثر"));
			}
			if (file == null) {
				return Mono.error(DocumentFile.fileProblem(ProblemType.VALIDATION, "Choose the file to upload",
						"اختر الملف المراد رفعه"));
			}
			return DataBufferUtils.join(file.content(), DocumentFile.MAX_BYTES).map(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
				.defaultIfEmpty(new byte[0])
				.onErrorMap(DataBufferLimitException.class, tooBig -> DocumentFile.tooLarge())
				.map(bytes -> new Upload(DocumentFile.checked(file.filename(), bytes), publicDocument(), note));
		});
	}

	private static ProblemException invalid(String field, String en, String ar) {
		return new ProblemException(ProblemType.VALIDATION, en, ar, field, List.of(new FieldProblem(field, en, ar)));
	}

	record Upload(DocumentFile file, boolean publicDocument, @Nullable String changeNote) {
	}
}

package sa.rawabit.platform.requests;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.input.InputText;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.requests.StepViews.Attachment;

/**
 * Documents the beneficiary hands in. The upload is read (up to the size limit) before
 * any transaction opens; its declared type must be allowed and match the file's first
 * bytes, so a renamed executable is not stored as a "PDF". An attachment for a checklist
 * item counts as that item received.
 */
@Service
class Attachments {

	private static final Map<String, byte[]> SIGNATURES = Map.of("application/pdf", "%PDF-".getBytes(), "image/jpeg",
			new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, "image/png",
			new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });

	private final RequestDesk desk;

	private final RequestRecords records;

	private final RequestsProperties properties;

	Attachments(RequestDesk desk, RequestRecords records, RequestsProperties properties) {
		this.desk = desk;
		this.records = records;
		this.properties = properties;
	}

	Mono<BeneficiaryRequest> attach(RequestId id, FilePart file, @Nullable Integer checklistItem, StaffMember me) {
		int max = (int) properties.attachmentMaxSize().toBytes();
		String type = file.headers().getContentType() == null ? "application/octet-stream"
				: file.headers().getContentType().getType() + "/" + file.headers().getContentType().getSubtype();
		Mono<Void> named = Mono.fromRunnable(() -> {
			InputText.require("file", file.filename());
			new FieldChecks().required("file", file.filename(), 255).orThrow();
		});
		return named.then(DataBufferUtils.join(file.content(), max)).map(buffer -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.onErrorMap(DataBufferLimitException.class,
					tooBig -> new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
							"Attachments are limited to " + properties.attachmentMaxSize().toKilobytes() + " KB",
							"الحد الأعلى للمرفق " + properties.attachmentMaxSize().toKilobytes() + " كيلوبايت", "file"))
			.map(bytes -> checked(type, bytes))
			.flatMap(bytes -> desk.transition(id, me, "attachment-added", c -> Mono.defer(() -> {
				ProblemException refused = refusal(c.request(), c.route(), me);
				if (refused != null) {
					throw refused;
				}
				var attachment = new Attachment(UUID.randomUUID(), file.filename(), type, bytes.length, sha256(bytes),
						checklistItem, me.username(), c.now());
				Move move = checklistItem != null && c.request().status().isIncomplete()
						? Intake.tick(c, c.request(), List.of(checklistItem))
						: Move.to(c.request()
							.moved(c.request().status(), c.request().stageId(), c.request().pendingRole(), c.now()),
								List.of(), Map.of());
				return records.attach(id, attachment, bytes)
					.thenReturn(Move.to(move.after(), move.events(), Map.of("attachment", attachment.id().toString(),
							"contentType", type, "sizeBytes", String.valueOf(bytes.length))));
			})));
	}

	/**
	 * Why {@code me} may not attach to {@code request} now, or null when they may: the
	 * policy's intake role, on a request not yet closed. The one rule for both:
	 * {@link #attach} refuses with it inside the transaction, and the request's page
	 * offers its upload form only where it is null.
	 */
	static @Nullable ProblemException refusal(BeneficiaryRequest request, Route route, StaffMember me) {
		try {
			me.requireAnyRole(route.intakeRole().value());
		}
		catch (ProblemException forbidden) {
			return forbidden;
		}
		return request.status().isClosed() ? RequestDesk.illegal("The request is closed", "الطلب مغلق") : null;
	}

	/**
	 * The stored file as a download under its own name and type, for the API and the
	 * request's page alike.
	 */
	/**
	 * The stored type, never sniffed by the browser (a PNG that is really HTML stays a
	 * PNG), always saved.
	 */
	static ResponseEntity<byte[]> download(RequestRecords.Content content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(content.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content.bytes());
	}

	private static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	private byte[] checked(String type, byte[] bytes) {
		byte[] signature = SIGNATURES.get(type);
		if (!properties.attachmentTypes().contains(type) || signature == null || bytes.length < signature.length
				|| !Arrays.equals(Arrays.copyOf(bytes, signature.length), signature)) {
			throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
					"Attach a PDF, JPEG or PNG file whose content matches its type",
					"أرفق ملف PDF أو JPEG أو PNG يطابق محتواه نوعه", "file");
		}
		return bytes;
	}

}

package sa.rawabit.admin.tools;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.FieldProblem;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/**
 * An uploaded file after its checks: not empty, at most {@link #MAX_BYTES}, of a type
 * decided by its first bytes (the browser's header is not trusted: an HTML page renamed
 * {@code .pdf} is refused), and a file name stripped of any path and of control
 * characters.
 */
record DocumentFile(String fileName, String mediaType, byte[] content, String sha256) {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final String PDF = "application/pdf";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String PNG = "image/png";

	static final String JPEG = "image/jpeg";

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes();

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 0x03, 0x04 };

	static DocumentFile checked(@Nullable String declaredName, byte[] content) {
		if (content.length == 0) {
			throw fileProblem(ProblemType.VALIDATION, "The file is empty", "الملف فارغ");
		}
		if (content.length > MAX_BYTES) {
			throw tooLarge();
		}
		String type = typeOf(content);
		if (type == null) {
			throw fileProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
					"Upload a PDF, Word (DOCX), PNG or JPEG file; its content decides its type",
					"ارفع ملف PDF أو Word (DOCX) أو PNG أو JPEG؛ يُحدَّد النوع من محتوى الملف");
		}
		return new DocumentFile(sanitisedName(declaredName), type, content, sha256(content));
	}

	static ProblemException tooLarge() {
		return fileProblem(ProblemType.PAYLOAD_TOO_LARGE, "A tool document may be at most 10 MB",
				"الحد الأعلى لملف الأداة 10 ميجابايت");
	}

	static ProblemException fileProblem(ProblemType type, String en, String ar) {
		return new ProblemException(type, en, ar, "file", List.of(new FieldProblem("file", en, ar)));
	}

	/**
	 * The last path segment, without control characters, at most 200 characters (the
	 * extension kept).
	 */
	static String sanitisedName(@Nullable String declared) {
		String name = declared == null ? "" : declared;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.codePoints()
			.filter(c -> !Character.isISOControl(c) && c != '"')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.isBlank()) {
			return "document";
		}
		if (name.length() > 200) {
			int dot = name.lastIndexOf('.');
			String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
			name = name.substring(0, 200 - extension.length()) + extension;
		}
		return name;
	}

	private static @Nullable String typeOf(byte[] content) {
		if (startsWith(content, PDF_MAGIC)) {
			return PDF;
		}
		if (startsWith(content, PNG_MAGIC)) {
			return PNG;
		}
		if (startsWith(content, JPEG_MAGIC)) {
			return JPEG;
		}
		if (startsWith(content, ZIP_MAGIC) && isWordDocument(content)) {
			return DOCX;
		}
		return null;
	}

	/**
	 * A DOCX is a zip whose entries include {@code word/…}; any other zip (or a broken
	 * one) is not.
	 */
	private static boolean isWordDocument(byte[] content) {
		try (var zip = new ZipInputStream(new java.io.ByteArrayInputStream(content))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().startsWith("word/")) {
					return true;
				}
			}
			return false;
		}
		catch (java.io.IOException | IllegalArgumentException broken) {
			return false;
		}
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("Every JVM has SHA-256", impossible);
		}
	}
}

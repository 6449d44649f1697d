package sa.rawabit.platform.tools;

import java.time.Instant;

/** One uploaded version of a tool document, without its content. */
public record ToolDocument(String toolId, int version, String fileName, String mediaType, int sizeBytes,
		boolean publicDocument, Instant uploadedAt) {

	/** The size as people read it, in Latin digits: "12 KB" style, rounded up. */
	public String kilobytes() {
		return String.valueOf((sizeBytes + 1023) / 1024);
	}
}

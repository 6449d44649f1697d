package sa.rawabit.admin.tools;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** One stored version of a tool document, without its content. */
public record ToolVersion(String toolId, int version, String fileName, String mediaType, int sizeBytes, String sha256,
		@JsonProperty("public") boolean publicDocument, @Nullable String changeNote, String uploadedBy,
		Instant uploadedAt) {
}

package sa.rawabit.admin.tools;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A tool the policy in force names, with every version uploaded for it, newest first. */
public record ToolShelfEntry(String id, String nameAr, String nameEn, List<ToolVersion> versions) {

	public @Nullable ToolVersion latest() {
		return versions.isEmpty() ? null : versions.getFirst();
	}
}

package sa.rawabit.platform.tools;

import org.jspecify.annotations.Nullable;
import sa.rawabit.policy.Tool;

/** A tool the policy in force names and its latest uploaded version, if any. */
public record ShelfItem(Tool tool, @Nullable ToolDocument latest) {

	public String id() {
		return tool.id().value();
	}

	public String name(boolean arabic) {
		return arabic ? tool.names().ar() : tool.names().enOrAr();
	}
}

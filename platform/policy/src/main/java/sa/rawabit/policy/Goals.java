package sa.rawabit.policy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The general goal and the detailed goals, as the board wrote them. */
public record Goals(@Nullable Text general, List<Text> detailed) {

	public Goals {
		detailed = List.copyOf(detailed);
	}
}

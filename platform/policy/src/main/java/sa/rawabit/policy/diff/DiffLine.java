package sa.rawabit.policy.diff;

import org.jspecify.annotations.Nullable;

/**
 * One line of a source diff. Line numbers are 1-based and absent on the side the line
 * does not exist on; a {@link Kind#GAP} stands for unchanged lines left out between
 * hunks.
 */
public record DiffLine(Kind kind, @Nullable Integer oldLine, @Nullable Integer newLine, String text) {

	public enum Kind {

		SAME, ADDED, REMOVED, GAP

	}
}

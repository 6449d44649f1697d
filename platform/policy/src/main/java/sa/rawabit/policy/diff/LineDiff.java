package sa.rawabit.policy.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A longest-common-subsequence line diff. Policies are a few hundred lines, so the
 * quadratic table (well under a million cells, bounded by the 256 KiB upload limit in
 * practice) is simpler than Myers' algorithm and fast enough.
 */
final class LineDiff {

	private LineDiff() {
	}

	static List<DiffLine> of(List<String> before, List<String> after) {
		int[][] common = new int[before.size() + 1][after.size() + 1];
		for (int i = before.size() - 1; i >= 0; i--) {
			for (int j = after.size() - 1; j >= 0; j--) {
				common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<DiffLine> lines = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < before.size() || j < after.size()) {
			if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
				lines.add(new DiffLine(DiffLine.Kind.SAME, i + 1, j + 1, before.get(i)));
				i++;
				j++;
			}
			else if (j < after.size() && (i == before.size() || common[i][j + 1] >= common[i + 1][j])) {
				lines.add(new DiffLine(DiffLine.Kind.ADDED, null, j + 1, after.get(j)));
				j++;
			}
			else {
				lines.add(new DiffLine(DiffLine.Kind.REMOVED, i + 1, null, before.get(i)));
				i++;
			}
		}
		return lines;
	}

}

package sa.rawabit.policy.diff;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import sa.rawabit.policy.Policy;

/**
 * The difference a tenant administrator reviews before publishing: which top-level
 * sections of the policy changed (compared as parsed values, so reformatting is not a
 * change) and the source lines that changed, with {@value #CONTEXT} lines of context.
 */
public record PolicyDiff(List<String> changedSections, List<DiffLine> lines) {

	static final int CONTEXT = 3;

	public PolicyDiff {
		changedSections = List.copyOf(changedSections);
		lines = List.copyOf(lines);
	}

	/**
	 * Against nothing in force (a first version) every section is new and every line
	 * added.
	 */
	public static PolicyDiff between(@Nullable String oldSource, @Nullable Policy oldPolicy, String newSource,
			@Nullable Policy newPolicy) {
		return new PolicyDiff(sections(oldPolicy, newPolicy), hunks(LineDiff.of(lines(oldSource), lines(newSource))));
	}

	public boolean isEmpty() {
		return lines.stream().allMatch(line -> line.kind() == DiffLine.Kind.SAME || line.kind() == DiffLine.Kind.GAP);
	}

	private static List<String> sections(@Nullable Policy before, @Nullable Policy after) {
		List<String> changed = new ArrayList<>();
		for (RecordComponent component : Policy.class.getRecordComponents()) {
			if (!Objects.equals(value(component, before), value(component, after))) {
				changed.add(component.getName());
			}
		}
		return changed;
	}

	private static @Nullable Object value(RecordComponent component, @Nullable Policy policy) {
		if (policy == null) {
			return null;
		}
		try {
			return component.getAccessor().invoke(policy);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read policy section " + component.getName(), ex);
		}
	}

	private static List<String> lines(@Nullable String source) {
		return source == null || source.isEmpty() ? List.of() : source.lines().toList();
	}

	/**
	 * Keeps changed lines and their context; runs of unchanged lines between hunks become
	 * one gap.
	 */
	private static List<DiffLine> hunks(List<DiffLine> all) {
		boolean[] keep = new boolean[all.size()];
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).kind() != DiffLine.Kind.SAME) {
				for (int j = Math.max(0, i - CONTEXT); j <= Math.min(all.size() - 1, i + CONTEXT); j++) {
					keep[j] = true;
				}
			}
		}
		List<DiffLine> kept = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			if (keep[i]) {
				kept.add(all.get(i));
			}
			else if (kept.isEmpty() || kept.getLast().kind() != DiffLine.Kind.GAP) {
				kept.add(new DiffLine(DiffLine.Kind.GAP, null, null, "…"));
			}
		}
		if (!kept.isEmpty() && kept.getLast().kind() == DiffLine.Kind.GAP) {
			kept.removeLast();
		}
		return kept;
	}
}

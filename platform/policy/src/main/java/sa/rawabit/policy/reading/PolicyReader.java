package sa.rawabit.policy.reading;

import sa.rawabit.policy.Policy;

/**
 * Reads and validates a policy file in one step: YAML syntax, the schema (types, required
 * keys, allowed values, unknown keys) and the cross-checks (known roles and events,
 * enabled channels, defined deadlines, existing Hijri dates, unique ids, minimum ≤
 * maximum). All problems are reported together, in document order, each with its path,
 * line and column.
 */
public final class PolicyReader {

	private PolicyReader() {
	}

	public static ReadResult read(String yaml) {
		var reading = new Reading();
		var root = YamlDocument.compose(yaml, reading.problems());
		if (root == null) {
			if (reading.problems().isEmpty()) {
				reading.problems()
					.report(new org.yaml.snakeyaml.error.Mark("policy", 0, 0, 0, new int[0], 0), "",
							Code.EMPTY_DOCUMENT);
			}
			return ReadResult.invalid(reading.problems().sorted());
		}
		Policy policy = PolicyBinder.bind(new At(root, "", reading));
		reading.resolveReferences();
		return reading.problems().isEmpty() && policy != null ? ReadResult.valid(policy)
				: ReadResult.invalid(reading.problems().sorted());
	}

}

package sa.rawabit.policy;

import java.util.List;

/**
 * When the association compensates a beneficiary, and the evidence that must be on file
 * first.
 */
public record Compensation(List<Text> conditions, List<Text> evidence) {

	public Compensation {
		conditions = List.copyOf(conditions);
		evidence = List.copyOf(evidence);
	}
}

package sa.rawabit.policy;

import java.util.List;
import java.util.Optional;

/** The request procedure: stages in the order the policy lists them. */
public record Procedure(List<Stage> stages) {

	public Procedure {
		stages = List.copyOf(stages);
	}

	/** The validator guarantees exactly one. */
	public Stage decisionStage() {
		return stages.stream().filter(s -> s.kind() == StageKind.DECISION).findFirst().orElseThrow();
	}

	public Optional<Stage> stage(StageId id) {
		return stages.stream().filter(s -> s.id().equals(id)).findFirst();
	}
}

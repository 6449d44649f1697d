package sa.rawabit.policy.reading;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.Procedure;
import sa.rawabit.policy.Stage;
import sa.rawabit.policy.StageId;
import sa.rawabit.policy.StageKind;
import sa.rawabit.policy.reading.Reading.Kind;

/**
 * The request procedure: its stages, who acts at each, and the one stage where the
 * committee decides.
 */
final class ProcedureSection {

	private static final Set<String> STAGE_KEYS = Set.of("id", "kind", "names", "role", "wording", "declaration",
			"optional", "quorum");

	private ProcedureSection() {
	}

	static @Nullable Procedure procedure(At at) {
		var f = at.fields(Set.of("stages"));
		if (f == null) {
			return null;
		}
		var stages = f.list("stages", true, ProcedureSection::stage);
		var stagesAt = f.opt("stages");
		if (stagesAt != null && !stages.isEmpty()) {
			checkOneDecision(stagesAt, stages);
		}
		return new Procedure(stages);
	}

	private static void checkOneDecision(At stagesAt, List<Stage> stages) {
		long decisions = stages.stream().filter(s -> s.kind() == StageKind.DECISION).count();
		if (decisions != 1) {
			stagesAt.report(Code.DECISION_STAGE_COUNT, decisions);
		}
	}

	private static @Nullable Stage stage(At at) {
		var f = at.fields(STAGE_KEYS);
		if (f == null) {
			return null;
		}
		var id = f.req("id", Values::id);
		if (id != null) {
			at.reading().declare(Kind.STAGE, id, at);
		}
		var kind = f.req("kind", a -> Values.keyed(a, StageKind.class));
		var declaration = f.opt("declaration", Values::text);
		var quorum = f.opt("quorum", a -> Values.integer(a, 1, 99));
		var stage = new Stage(id == null ? null : new StageId(id), kind, f.req("names", Values::names),
				f.req("role", Values::role), f.opt("wording", Values::text), declaration, f.flag("optional", false),
				quorum);
		checkKindSpecifics(f, stage);
		return kind == null ? null : stage;
	}

	private static void checkKindSpecifics(Fields f, Stage stage) {
		var quorumAt = f.opt("quorum");
		if (quorumAt != null && stage.kind() != null && stage.kind() != StageKind.DECISION) {
			quorumAt.report(Code.QUORUM_OUTSIDE_DECISION);
		}
		if (stage.kind() == StageKind.DECLARATION && !f.has("declaration")) {
			f.at().report(Code.DECLARATION_TEXT_MISSING);
		}
	}

}

package sa.rawabit.policy.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import sa.rawabit.policy.RoleKey;

/**
 * State of one read: the problems found so far, the ids declared per kind (to catch
 * duplicates) and the references to check once the whole document is known.
 */
final class Reading {

	enum Kind {

		CHANNEL, TOOL, SERVICE, STAGE, DEADLINE, HOLIDAY, INSTRUMENT, ROLE, COMMITTEE

	}

	private record Reference(Kind kind, String id, At at, Code unknown) {
	}

	private final Problems problems = new Problems();

	private final Map<Kind, Map<String, At>> declared = new HashMap<>();

	private final List<Reference> references = new ArrayList<>();

	Problems problems() {
		return problems;
	}

	/**
	 * Records that {@code id} is defined at {@code at}; a second definition is a problem.
	 */
	void declare(Kind kind, String id, At at) {
		var ids = declared.computeIfAbsent(kind, k -> new HashMap<>());
		var first = ids.putIfAbsent(id, at);
		if (first != null) {
			at.report(Code.DUPLICATE_ID, id, first.path());
		}
	}

	/** Records that {@code id} must be defined somewhere in the document. */
	void refer(Kind kind, String id, At at, Code unknown) {
		references.add(new Reference(kind, id, at, unknown));
	}

	boolean isDeclared(Kind kind, String id) {
		return declared.getOrDefault(kind, Map.of()).containsKey(id);
	}

	void resolveReferences() {
		Predicate<Reference> known = r -> isDeclared(r.kind(), r.id());
		references.stream().filter(known.negate()).forEach(r -> {
			if (r.kind() == Kind.ROLE) {
				r.at().report(r.unknown(), r.id(), knownRoles());
			}
			else {
				r.at().report(r.unknown(), r.id());
			}
		});
	}

	/**
	 * The built-in roles and those this policy declares, for the unknown-role message.
	 */
	private String knownRoles() {
		var known = new ArrayList<String>();
		RoleKey.ALL.forEach(role -> known.add(role.value()));
		known.addAll(declared.getOrDefault(Kind.ROLE, Map.of()).keySet().stream().sorted().toList());
		return String.join(", ", known);
	}

}

package sa.rawabit.policy.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The keys of one YAML mapping, checked against the keys the schema allows there. */
final class Fields {

	private final At at;

	private final Map<String, At> values;

	private Fields(At at, Map<String, At> values) {
		this.at = at;
		this.values = values;
	}

	static Fields of(At at, MappingNode mapping, Set<String> allowed) {
		var values = new LinkedHashMap<String, At>();
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
				at.child("?", tuple.getKeyNode()).report(Code.WRONG_TYPE, Code.Shape.SCALAR);
				continue;
			}
			var key = keyNode.getValue();
			var keyAt = at.child(key, keyNode);
			if (!allowed.contains(key)) {
				keyAt.report(Code.UNKNOWN_KEY, key, String.join(", ", new TreeSet<>(allowed)));
			}
			else if (values.containsKey(key)) {
				keyAt.report(Code.DUPLICATE_KEY, key);
			}
			else {
				values.put(key, at.child(key, tuple.getValueNode()));
			}
		}
		return new Fields(at, values);
	}

	At at() {
		return at;
	}

	boolean has(String key) {
		return opt(key) != null;
	}

	/**
	 * The value under {@code key}; an explicit {@code null} or {@code ~} counts as
	 * absent.
	 */
	@Nullable At opt(String key) {
		var value = values.get(key);
		return value == null || value.isNull() ? null : value;
	}

	@Nullable At req(String key) {
		var value = opt(key);
		if (value == null) {
			var missing = at.path().isEmpty() ? key : at.path() + "." + key;
			at.reading().problems().report(markOf(key), missing, Code.REQUIRED, key);
		}
		return value;
	}

	<T> @Nullable T opt(String key, Function<At, @Nullable T> read) {
		var value = opt(key);
		return value == null ? null : read.apply(value);
	}

	<T> @Nullable T req(String key, Function<At, @Nullable T> read) {
		var value = req(key);
		return value == null ? null : read.apply(value);
	}

	boolean flag(String key, boolean absent) {
		Boolean value = opt(key, Values::bool);
		return value == null ? absent : value;
	}

	/** Items that could not be read are left out; their problems are already reported. */
	<T> List<T> list(String key, boolean required, Function<At, @Nullable T> read) {
		var value = required ? req(key) : opt(key);
		var items = value == null ? null : value.items();
		if (items == null) {
			return List.of();
		}
		if (required && items.isEmpty()) {
			value.report(Code.EMPTY_LIST);
		}
		var out = new ArrayList<T>();
		for (At item : items) {
			var read1 = read.apply(item);
			if (read1 != null) {
				out.add(read1);
			}
		}
		return out;
	}

	/**
	 * A missing key is reported where it would go: at its explicit null, or at the parent
	 * mapping.
	 */
	private org.yaml.snakeyaml.error.Mark markOf(String key) {
		var present = values.get(key);
		return present != null ? present.mark() : at.mark();
	}

}

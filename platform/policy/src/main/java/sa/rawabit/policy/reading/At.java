package sa.rawabit.policy.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import sa.rawabit.policy.reading.Code.Shape;

/**
 * A YAML node together with its path in the document. Every read either returns a value
 * or reports a problem at this node's line and column and returns {@code null}, so
 * reading goes on and all problems surface in one pass.
 */
final class At {

	private final Node node;

	private final String path;

	private final Reading reading;

	At(Node node, String path, Reading reading) {
		this.node = node;
		this.path = path;
		this.reading = reading;
	}

	String path() {
		return path;
	}

	Reading reading() {
		return reading;
	}

	org.yaml.snakeyaml.error.Mark mark() {
		return node.getStartMark();
	}

	void report(Code code, Object... args) {
		reading.problems().report(node.getStartMark(), path, code, args);
	}

	At child(String key, Node child) {
		return new At(child, path.isEmpty() ? key : path + "." + key, reading);
	}

	boolean isNull() {
		return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
	}

	boolean isMapping() {
		return node instanceof MappingNode;
	}

	@Nullable Fields fields(Set<String> allowed) {
		if (!(node instanceof MappingNode mapping)) {
			report(Code.WRONG_TYPE, Shape.MAPPING);
			return null;
		}
		return Fields.of(this, mapping, allowed);
	}

	@Nullable List<At> items() {
		if (!(node instanceof SequenceNode sequence)) {
			report(Code.WRONG_TYPE, Shape.LIST);
			return null;
		}
		var items = new ArrayList<At>();
		for (int i = 0; i < sequence.getValue().size(); i++) {
			items.add(new At(sequence.getValue().get(i), path + "[" + i + "]", reading));
		}
		return items;
	}

	/**
	 * A scalar's text exactly as written (YAML 1.1 types like dates and booleans are not
	 * applied).
	 */
	@Nullable String scalar() {
		if (!(node instanceof ScalarNode scalar)) {
			report(Code.WRONG_TYPE, Shape.SCALAR);
			return null;
		}
		var value = scalar.getValue().strip();
		if (value.isEmpty() || isNull()) {
			report(Code.REQUIRED, path);
			return null;
		}
		return value;
	}

}

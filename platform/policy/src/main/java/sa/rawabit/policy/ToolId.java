package sa.rawabit.policy;

/** A tool's (document's) id. */
public record ToolId(String value) {

	@Override
	public String toString() {
		return value;
	}
}

package sa.rawabit.policy;

/** A stage's id in the request procedure. */
public record StageId(String value) {

	@Override
	public String toString() {
		return value;
	}
}

package sa.rawabit.policy;

/** A deadline's id, e.g. {@code committee-reply}. */
public record DeadlineId(String value) {

	@Override
	public String toString() {
		return value;
	}
}

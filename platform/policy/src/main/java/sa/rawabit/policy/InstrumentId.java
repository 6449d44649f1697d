package sa.rawabit.policy;

/** A satisfaction instrument's id. */
public record InstrumentId(String value) {

	@Override
	public String toString() {
		return value;
	}
}

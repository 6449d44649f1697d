package sa.rawabit.policy;

/** A service's id in the catalogue. */
public record ServiceId(String value) {

	@Override
	public String toString() {
		return value;
	}
}

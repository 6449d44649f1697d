package sa.rawabit.policy;

/** A channel's id, e.g. {@code phone} or a custom {@code whatsapp}. */
public record ChannelId(String value) {

	@Override
	public String toString() {
		return value;
	}
}

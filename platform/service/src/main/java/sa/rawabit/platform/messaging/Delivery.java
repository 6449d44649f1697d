package sa.rawabit.platform.messaging;

import org.jspecify.annotations.Nullable;

/** What a port did with a message: accepted it (sent) or not, and why. */
public record Delivery(boolean sent, @Nullable String detail) {

	public static Delivery sent(@Nullable String detail) {
		return new Delivery(true, detail);
	}

	public static Delivery failed(String why) {
		return new Delivery(false, why);
	}
}

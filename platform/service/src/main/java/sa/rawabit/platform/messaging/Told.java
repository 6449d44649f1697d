package sa.rawabit.platform.messaging;

/**
 * What became of one message: {@code outcome} is {@code sent}, {@code failed}, {@code no-consent},
 * {@code no-address}, or {@code in-person} (a channel staff use themselves: interview, letters…).
 */
public record Told(String channel, String outcome, String detail) {

	/** Whether staff must act because the beneficiary was not told. */
	public boolean needsStaff() {
		return !"sent".equals(outcome) && !"in-person".equals(outcome);
	}
}

package sa.rawabit.platform.messaging;

/**
 * One message to one beneficiary. {@code address} is an e-mail address or a phone number,
 * as the port needs; {@code subject} is used by e-mail only. Text is Arabic first, as the
 * policies are. {@code key} is the same on every attempt, so a receiver that honours it
 * delivers a retry once.
 */
public record BeneficiaryMessage(MessageId key, String address, String subject, String text) {
}

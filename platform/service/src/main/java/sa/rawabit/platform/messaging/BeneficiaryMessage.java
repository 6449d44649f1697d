package sa.rawabit.platform.messaging;

/**
 * One message to one beneficiary. {@code address} is an e-mail address or a phone number, as the
 * port needs; {@code subject} is used by e-mail only. Text is Arabic first, as the policies are.
 */
public record BeneficiaryMessage(String address, String subject, String text) {
}

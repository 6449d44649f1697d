package sa.rawabit.platform.messaging;

import java.util.Set;
import java.util.UUID;

/**
 * What a module asks to tell a beneficiary. {@code purpose} and {@code reference} are the
 * asking module's own (e.g. {@code request.decided} and its log row), handed back in
 * {@link MessageSettled} so it can record the outcome; {@code aboutType}/{@code aboutId}
 * name the case, and {@code audience} the roles whose dashboards show it when it could
 * not be sent.
 */
public record Outgoing(String purpose, UUID reference, String aboutType, UUID aboutId, Set<String> audience,
		Recipient to, String subject, String text) {

	public Outgoing {
		audience = Set.copyOf(audience);
	}
}

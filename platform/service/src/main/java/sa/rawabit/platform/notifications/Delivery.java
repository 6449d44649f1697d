package sa.rawabit.platform.notifications;

import java.util.Set;

import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * One committed outbox row on its way to streams. {@code json} is encoded once here, not
 * once per connection. {@code txid} with {@code id} is the fan-out's cursor (see V11);
 * {@code id} is the event id. {@code eventTypes} are the durable events the row carries,
 * for the reactions that wait on them.
 */
record Delivery(TenantId tenant, long id, long txid, String topic, Set<String> audience, String json,
		Set<String> eventTypes) {

	/**
	 * Only the association's own staff, and only roles the event names (none named: all
	 * its staff).
	 */
	boolean isFor(StaffMember member) {
		return tenant.equals(member.tenant())
				&& (audience.isEmpty() || audience.stream().anyMatch(member.roles()::contains));
	}

	boolean isAfter(long otherTxid, long otherId) {
		return txid > otherTxid || (txid == otherTxid && id > otherId);
	}
}

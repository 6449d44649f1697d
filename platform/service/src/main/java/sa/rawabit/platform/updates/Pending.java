package sa.rawabit.platform.updates;

import java.util.UUID;

import sa.rawabit.platform.requests.RequestBeneficiaries.Filed;

/**
 * A beneficiary this replica put on a notice and must now tell.
 *
 * @param filed who, and the channel of their newest open request (used when no channel
 * was agreed)
 */
record Pending(UUID notice, Change change, Filed filed, String association) {
}

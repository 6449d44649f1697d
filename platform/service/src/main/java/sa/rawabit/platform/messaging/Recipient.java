package sa.rawabit.platform.messaging;

import org.jspecify.annotations.Nullable;

/**
 * Where to reach a beneficiary — the channel agreed with them and their addresses — and
 * whether they agreed to be contacted at all.
 */
public record Recipient(String channel, @Nullable String phone, @Nullable String email, boolean consent) {
}

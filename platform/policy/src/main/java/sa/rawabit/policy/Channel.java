package sa.rawabit.policy;

/** A channel the association has enabled; listing it in the policy is what enables it. */
public record Channel(ChannelId id, Text names, boolean builtIn) {
}

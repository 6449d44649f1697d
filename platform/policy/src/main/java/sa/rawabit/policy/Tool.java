package sa.rawabit.policy;

/** A document staff open from a case, e.g. the bylaws or the support request form. */
public record Tool(ToolId id, Text names) {
}

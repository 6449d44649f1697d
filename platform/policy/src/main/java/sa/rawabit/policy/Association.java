package sa.rawabit.policy;

import org.jspecify.annotations.Nullable;

/**
 * Who the policy belongs to. The slug names the tenant in URLs, e.g.
 * {@code thimar-alkhair}.
 */
public record Association(String slug, Text names, @Nullable Licence licence, @Nullable String region) {

	/** The licensing authority and the licence number, e.g. NCNP 5389. */
	public record Licence(Text authority, String number) {
	}
}

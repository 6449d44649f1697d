package sa.rawabit.platform.publicaccess;

/**
 * A public link, for its own flood-guard buckets and its own words when it refuses.
 *
 * @param key the buckets' key prefix, distinct per link
 */
public record PublicLinkKind(String key, String fromAddressEn, String fromAddressAr, String toAssociationEn,
		String toAssociationAr) {
}

package sa.rawabit.admin.tenants;

/** What a platform operator enters to onboard an association. */
public record NewAssociation(String slug, String nameAr, String nameEn, Licence licence, String region) {
}

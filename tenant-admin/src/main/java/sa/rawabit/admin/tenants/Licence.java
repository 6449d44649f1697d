package sa.rawabit.admin.tenants;

/** The association's registration, e.g. authority {@code NCNP}, number {@code 5389}. */
public record Licence(String authority, String number) {
}

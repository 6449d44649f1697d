package sa.rawabit.admin.identity;

/**
 * Someone to give an account: the e-mail is also the username, so one person has one
 * account.
 */
public record Person(String email, String firstName, String lastName) {
}

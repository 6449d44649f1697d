package sa.rawabit.policy;

/** Beneficiary fields that may be shown masked on lists and exports. */
public enum MaskedField implements Keyed {

	NATIONAL_ID, PHONE, EMAIL, ADDRESS, IBAN, BIRTH_DATE, INCOME, HEALTH

}

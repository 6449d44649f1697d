package sa.rawabit.platform.beneficiaries;

/**
 * A Saudi national ID (starts with 1) or iqama (starts with 2): ten digits whose last is
 * a Luhn check digit over the first nine. Checked before anything is stored so a typo is
 * caught at the desk.
 */
public final class NationalId {

	private NationalId() {
	}

	public static boolean isValid(String value) {
		if (value == null || !value.matches("[12][0-9]{9}")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			int digit = value.charAt(i) - '0';
			if (i % 2 == 0) {
				int doubled = digit * 2;
				sum += doubled / 10 + doubled % 10;
			}
			else {
				sum += digit;
			}
		}
		return sum % 10 == 0;
	}

	/**
	 * The check digit that makes {@code firstNine} a valid ID; for fixtures and tests.
	 */
	public static String complete(String firstNine) {
		for (char check = '0'; check <= '9'; check++) {
			if (isValid(firstNine + check)) {
				return firstNine + check;
			}
		}
		throw new IllegalArgumentException("Not the start of a national ID or iqama: " + firstNine);
	}

}

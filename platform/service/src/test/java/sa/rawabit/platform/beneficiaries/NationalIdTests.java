package sa.rawabit.platform.beneficiaries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTests {

	@ParameterizedTest
	@ValueSource(strings = { "1000000008", "2000000006", "1234567897", "2345678904" })
	void isValidWhenCheckDigitMatchesThenTrue(String id) {
		assertThat(NationalId.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1000000000", "3000000004", "123456789", "12345678970", "12345678a7", "" })
	void isValidWhenWrongLengthPrefixOrCheckDigitThenFalse(String id) {
		assertThat(NationalId.isValid(id)).isFalse();
	}

	@Test
	void completeWhenFirstNineGivenThenTheOnlyValidCheckDigit() {
		String id = NationalId.complete("123456789");
		assertThat(id).isEqualTo("1234567897");
		assertThat(NationalId.isValid(id.substring(0, 9) + "8")).isFalse();
	}

}

package sa.rawabit.foundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HeaderCharactersTests {

	/** Spring Security 7.1's StrictServerWebExchangeFirewall, copied: the rules kept. */
	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void allowedWhenEveryCodePointAloneThenTheSameVerdictsAsTheFirewallsExpressions() {
		List<Integer> differing = new ArrayList<>();
		for (int point = 0; point <= Character.MAX_CODE_POINT; point++) {
			String text = new StringBuilder("a").appendCodePoint(point).append('b').toString();
			if (HeaderCharacters.allowedInName(text) != NAME.matcher(text).matches()
					|| HeaderCharacters.allowedInValue(text) != VALUE.matcher(text).matches()) {
				differing.add(point);
			}
		}

		assertThat(differing).isEmpty();
	}

	@Test
	void allowedWhenSurrogatesPairedOrAloneOrTextEmptyOrAbsentThenTheSameVerdicts() {
		List<String> texts = List.of("", "\uD83D\uDE00", "x\uD83D", "\uDE00x", "\uDE00\uD83D", "Bearer eyJ.abc-_~+/=",
				"a\tb", "a\u0000b", "\u007f", "\u0085", "\uFFFF", "قال");

		for (String text : texts) {
			assertThat(HeaderCharacters.allowedInName(text)).as("name %s", text)
				.isEqualTo(NAME.matcher(text).matches());
			assertThat(HeaderCharacters.allowedInValue(text)).as("value %s", text)
				.isEqualTo(VALUE.matcher(text).matches());
		}
		assertThat(HeaderCharacters.allowedInName(null)).isTrue();
		assertThat(HeaderCharacters.allowedInValue(null)).isTrue();
		assertThat(HeaderCharacters.allowedInValue("a\tb")).isTrue();
		assertThat(HeaderCharacters.allowedInName("a\tb")).isFalse();
		assertThat(HeaderCharacters.allowedInValue("a\u0001b")).isFalse();
	}

}

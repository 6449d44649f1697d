package sa.rawabit.platform.publicaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * A code's characters come from one draw of random bits: each character its own five, so
 * every position takes every letter and neighbours take every pair — bits shared or lost
 * between positions would leave letters or pairs that never occur.
 */
class TrackingCodeTests {

	private static final int DRAWS = 40_000;

	private final List<String> codes = IntStream.range(0, DRAWS).mapToObj(i -> TrackingCode.random().value()).toList();

	@Test
	void randomWhenDrawnThenEveryCodeIsValidAndNoneRepeats() {
		assertThat(codes).allMatch(TrackingCode::looksValid);
		assertThat(new HashSet<>(codes)).hasSize(DRAWS);
	}

	@Test
	void randomWhenDrawnThenEveryPositionTakesEveryLetterAndNeighboursEveryPair() {
		for (int position = 0; position < 20; position++) {
			Set<Character> letters = new HashSet<>();
			Set<String> pairs = new HashSet<>();
			for (String code : codes) {
				letters.add(code.charAt(position));
				if (position < 19) {
					pairs.add(code.substring(position, position + 2));
				}
			}
			assertThat(letters).as("letters at %d", position).hasSize(32);
			if (position < 19) {
				assertThat(pairs).as("pairs at %d", position).hasSize(32 * 32);
			}
		}
	}

}

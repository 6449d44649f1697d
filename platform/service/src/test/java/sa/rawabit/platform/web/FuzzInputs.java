package sa.rawabit.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.instancio.Instancio;
import org.instancio.Random;
import org.instancio.Select;
import org.instancio.generator.Generator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fuzzers' inputs (issue 17), drawn by Instancio from one fixed seed so a run can be
 * replayed ({@code -Drawabit.fuzz.seed}); {@code -Drawabit.fuzz.tries} sets how many.
 * Half of them start from a valid body and fuzz one or two of its fields (replaced by any
 * value, dropped, or joined by an unknown field), so they reach the writes; the other
 * half are any subset of the fields with any values, 1 in 10 junk instead of JSON or a
 * form.
 */
final class FuzzInputs {

	static final long DEFAULT_SEED = 20_170_009L;

	static final long SEED = Long.getLong("rawabit.fuzz.seed", DEFAULT_SEED);

	static final int DEFAULT_TRIES = 10_000;

	static final int TRIES = Integer.getInteger("rawabit.fuzz.tries", DEFAULT_TRIES);

	static final List<String> TROUBLEMAKERS = List.of("", " ", "null", "-1", "%ZZ", "%00", "\u0000", "\ud800",
			"a\udc00", "1000000008", "fax", "website", "phone", "email", "orphans", "service-request", "0500000000",
			"a@b.co", "00000000-0000-0000-0000-000000000000", "+999999999-12-31", "<script>", "' or 1=1 --");

	static final List<String> JUNK = List.of("null", "[]", "{", "1", "\"x\"", "{\"a\":");

	private FuzzInputs() {
	}

	/**
	 * One generated request: a JSON body, the same fields as a form body, a path token,
	 * and whether it started from a valid body.
	 */
	record Input(String json, String form, String token, boolean fromValid) {
	}

	/**
	 * {@link #TRIES} inputs; the i-th, when it starts valid, starts from
	 * {@code valid.apply(i)}.
	 */
	static Stream<Input> inputs(JsonMapper json, List<String> fields, IntFunction<Map<String, Object>> valid) {
		int[] next = { 0 };
		Generator<Input> input = random -> input(random, json, fields, valid.apply(next[0]++));
		return Instancio.of(Input.class).withSeed(SEED).supply(Select.root(), input).stream().limit(TRIES);
	}

	private static Input input(Random random, JsonMapper json, List<String> fields, Map<String, Object> valid) {
		if (random.trueOrFalse()) {
			Map<String, Object> body = mutate(random, valid, fields);
			return new Input(json.writeValueAsString(body), form(body), text(random), true);
		}
		Map<String, Object> map = new LinkedHashMap<>();
		fields.stream().filter(field -> random.trueOrFalse()).forEach(field -> map.put(field, value(random)));
		String junk = random.trueOrFalse() ? text(random) : random.oneOf(JUNK);
		int shape = random.intRange(0, 9);
		return new Input(shape == 0 ? junk : json.writeValueAsString(map), shape == 1 ? junk : form(map), text(random),
				false);
	}

	/**
	 * A copy of {@code valid} with one or two changes: a field (maybe one nested in an
	 * object) given any value, dropped, or an unknown field added.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> mutate(Random random, Map<String, Object> valid, List<String> fields) {
		Map<String, Object> body = new LinkedHashMap<>(valid);
		for (int changes = random.intRange(1, 2); changes > 0; changes--) {
			List<String> keys = new ArrayList<>(body.keySet());
			int how = random.intRange(0, 3);
			if (how == 0 && !keys.isEmpty()) {
				body.remove(random.oneOf(keys));
			}
			else if (how == 1) {
				body.put(text(random), value(random));
			}
			else {
				String key = random.oneOf(keys.isEmpty() || random.trueOrFalse() ? fields : keys);
				body.put(key, body.get(key) instanceof Map<?, ?> nested && !nested.isEmpty() && random.trueOrFalse()
						? mutate(random, (Map<String, Object>) nested, List.copyOf((Set<String>) nested.keySet()))
						: value(random));
			}
		}
		return body;
	}

	static String form(Map<String, Object> map) {
		StringBuilder form = new StringBuilder();
		map.forEach((key, value) -> form.append(form.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
			.append('=')
			.append(value instanceof String text && text.startsWith("%") ? text
					: URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
		return form.toString();
	}

	/**
	 * Weights 6 text, 1 any int, 1 boolean, 1 null, 1 list of up to 3 texts, 1 map of up
	 * to 2 entries.
	 */
	static Object value(Random random) {
		int kind = random.intRange(0, 10);
		if (kind < 6) {
			return text(random);
		}
		return switch (kind) {
			case 6 -> random.intRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
			case 7 -> random.trueOrFalse();
			case 8 -> null;
			case 9 -> Stream.generate(() -> text(random)).limit(random.intRange(0, 3)).toList();
			default -> {
				Map<String, String> map = new LinkedHashMap<>();
				for (int k = random.intRange(0, 2); k > 0; k--) {
					map.put(text(random), text(random));
				}
				yield map;
			}
		};
	}

	/**
	 * Any UTF-16 units (NUL, other controls, lone surrogates), Arabic, long ASCII, and
	 * the known troublemakers.
	 */
	static String text(Random random) {
		int kind = random.intRange(0, 9);
		if (kind < 4) {
			return chars(random.intRange(0, 30), () -> random.characterRange(Character.MIN_VALUE, Character.MAX_VALUE));
		}
		if (kind < 7) {
			return chars(random.intRange(1, 60),
					() -> random.intRange(0, 0x2a) == 0 ? ' ' : random.characterRange('\u0621', '\u064a'));
		}
		if (kind == 7) {
			return chars(random.intRange(150, 6000), () -> random.characterRange('\u0000', '\u007f'));
		}
		return random.oneOf(TROUBLEMAKERS);
	}

	private static String chars(int length, Supplier<Character> next) {
		StringBuilder text = new StringBuilder(length);
		for (int k = 0; k < length; k++) {
			text.append(next.get().charValue());
		}
		return text.toString();
	}

}

package sa.rawabit.policy.reading;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.Keyed;
import sa.rawabit.policy.PolicyDate;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Text;
import sa.rawabit.policy.reading.Code.Shape;

/**
 * Readers for leaf values; each reports at the node and returns null when the value is
 * wrong.
 */
final class Values {

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

	private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	private Values() {
	}

	static @Nullable String string(At at) {
		return at.scalar();
	}

	static @Nullable String id(At at) {
		var value = at.scalar();
		if (value != null && !ID.matcher(value).matches()) {
			at.report(Code.INVALID_ID, value);
			return null;
		}
		return value;
	}

	static @Nullable Integer integer(At at, int min, int max) {
		var value = at.scalar();
		if (value == null) {
			return null;
		}
		if (!INTEGER.matcher(value).matches()) {
			at.report(Code.WRONG_TYPE, Shape.INTEGER);
			return null;
		}
		int number = Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
		if (number < min || number > max) {
			at.report(Code.OUT_OF_RANGE, number, "[" + min + ", " + max + "]");
			return null;
		}
		return number;
	}

	static @Nullable Boolean bool(At at) {
		var value = at.scalar();
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> {
				at.report(Code.WRONG_TYPE, Shape.BOOLEAN);
				yield null;
			}
		};
	}

	static <E extends Enum<E> & Keyed> @Nullable E keyed(At at, Class<E> type, Code unknown) {
		var value = at.scalar();
		if (value == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.key().equals(value)) {
				return constant;
			}
		}
		at.report(unknown, value,
				Arrays.stream(type.getEnumConstants()).map(Keyed::key).collect(Collectors.joining(", ")));
		return null;
	}

	static <E extends Enum<E> & Keyed> @Nullable E keyed(At at, Class<E> type) {
		return keyed(at, type, Code.NOT_ALLOWED);
	}

	/**
	 * A built-in role, or one the policy declares in {@code roles} (checked once the
	 * whole file is read).
	 */
	static @Nullable RoleKey role(At at) {
		var value = at.scalar();
		if (value == null) {
			return null;
		}
		var role = new RoleKey(value);
		if (!role.isKnown()) {
			at.reading().refer(Reading.Kind.ROLE, value, at, Code.UNKNOWN_ROLE);
		}
		return role;
	}

	/**
	 * Arabic text as a plain value, or a mapping {@code {ar, en}} where English is
	 * optional.
	 */
	static @Nullable Text text(At at) {
		return at.isMapping() ? bilingual(at, false) : plain(at);
	}

	/**
	 * Names shown in both languages: a mapping with {@code ar} and {@code en}, both
	 * required.
	 */
	static @Nullable Text names(At at) {
		return bilingual(at, true);
	}

	private static @Nullable Text plain(At at) {
		var value = at.scalar();
		return value == null ? null : Text.ar(value);
	}

	private static @Nullable Text bilingual(At at, boolean englishRequired) {
		var fields = at.fields(Set.of("ar", "en"));
		if (fields == null) {
			return null;
		}
		var ar = fields.req("ar", Values::string);
		var en = englishRequired ? fields.req("en", Values::string) : fields.opt("en", Values::string);
		return ar == null || (englishRequired && en == null) ? null : new Text(ar, en);
	}

	/** {@code {hijri: 1445-02-08}} or {@code {gregorian: 2025-06-01}}. */
	static @Nullable PolicyDate date(At at) {
		var fields = at.fields(Set.of("hijri", "gregorian"));
		if (fields == null) {
			return null;
		}
		if (fields.has("hijri") == fields.has("gregorian")) {
			at.report(Code.ONE_OF, "hijri, gregorian");
			return null;
		}
		return fields.has("hijri") ? fields.req("hijri", Values::hijri) : fields.req("gregorian", Values::gregorian);
	}

	static @Nullable PolicyDate hijri(At at) {
		var ymd = ymd(at, "YYYY-MM-DD (هـ)");
		if (ymd == null) {
			return null;
		}
		try {
			return PolicyDate.hijri(ymd[0], ymd[1], ymd[2]);
		}
		catch (DateTimeException ex) {
			at.report(Code.INVALID_HIJRI_DATE, "%04d-%02d-%02d".formatted(ymd[0], ymd[1], ymd[2]));
			return null;
		}
	}

	static @Nullable PolicyDate gregorian(At at) {
		var ymd = ymd(at, "YYYY-MM-DD");
		if (ymd == null) {
			return null;
		}
		try {
			return PolicyDate.gregorian(LocalDate.of(ymd[0], ymd[1], ymd[2]));
		}
		catch (DateTimeException ex) {
			at.report(Code.INVALID_DATE, at.scalar(), "YYYY-MM-DD");
			return null;
		}
	}

	private static int @Nullable [] ymd(At at, String expected) {
		var value = at.scalar();
		if (value == null) {
			return null;
		}
		var matcher = YMD.matcher(value);
		if (!matcher.matches()) {
			at.report(Code.INVALID_DATE, value, expected);
			return null;
		}
		return new int[] { Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3)) };
	}

}

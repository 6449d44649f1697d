package sa.rawabit.foundation.database;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.Parameter;

/**
 * Which placeholder each value of a statement takes when one value stands in several
 * places: a filing names its association and its complaint's id in each of its three rows
 * and its actor and action in two, and the driver builds three Reactor operators and a
 * buffer for every bound value. A value is bound once where it is the same: ids,
 * instants, numbers, booleans and typed nulls when equal; text and other objects only
 * when they are the same object — a constant or a field handed on, never two inputs that
 * happen to read alike — so the statement's text follows the code's paths, not what
 * someone typed. A value keeps the type it would have been bound with on its own.
 *
 * @param pattern each value's placeholder number, one {@code char} per value in order
 * @param distinct the values to bind, {@code $1} first
 */
record Placeholders(String pattern, List<Object> distinct) {

	/**
	 * A scan of the values kept so far rather than a map: a statement holds a few dozen
	 * values, and keying each one (two wrappers, a node, an identity hash) cost more than
	 * comparing it with the twenty-odd before it.
	 */
	static Placeholders of(List<Object> values) {
		char[] pattern = new char[values.size()];
		List<Object> distinct = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			Object value = values.get(i);
			int slot = slotOf(distinct, value);
			if (slot < 0) {
				distinct.add(value);
				slot = distinct.size() - 1;
			}
			pattern[i] = (char) (slot + 1);
		}
		return new Placeholders(new String(pattern), distinct);
	}

	/** Every value its own placeholder, numbered from {@code first}. */
	static String consecutive(int first, int count) {
		char[] pattern = new char[count];
		for (int i = 0; i < count; i++) {
			pattern[i] = (char) (first + i);
		}
		return new String(pattern);
	}

	private static int slotOf(List<Object> distinct, Object value) {
		for (int slot = 0; slot < distinct.size(); slot++) {
			if (same(distinct.get(slot), value)) {
				return slot;
			}
		}
		return -1;
	}

	/** Bound with the same type, and equal as that type's values are compared here. */
	private static boolean same(Object one, Object other) {
		if (typeOf(one) != typeOf(other)) {
			return false;
		}
		@Nullable Object first = valueOf(one);
		@Nullable Object second = valueOf(other);
		return first == second || first != null && comparedByValue(first) && first.equals(second);
	}

	private static Class<?> typeOf(Object value) {
		return value instanceof Parameter parameter ? parameter.getType() : value.getClass();
	}

	private static @Nullable Object valueOf(Object value) {
		return value instanceof Parameter parameter ? parameter.getValue() : value;
	}

	private static boolean comparedByValue(Object value) {
		return value instanceof UUID || value instanceof Instant || value instanceof Number || value instanceof Boolean;
	}

}

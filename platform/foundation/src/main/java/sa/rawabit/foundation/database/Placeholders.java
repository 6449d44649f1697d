package sa.rawabit.foundation.database;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	static Placeholders of(List<Object> values) {
		Map<Object, Integer> slots = new HashMap<>();
		char[] pattern = new char[values.size()];
		List<Object> distinct = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			Object value = values.get(i);
			Integer slot = slots.putIfAbsent(key(value), distinct.size() + 1);
			if (slot == null) {
				distinct.add(value);
				slot = distinct.size();
			}
			pattern[i] = (char) slot.intValue();
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

	private static Object key(Object value) {
		if (value instanceof Parameter parameter) {
			return new Typed(parameter.getType(), sameness(parameter.getValue()));
		}
		return new Typed(value.getClass(), sameness(value));
	}

	private static @Nullable Object sameness(@Nullable Object value) {
		return value == null || value instanceof UUID || value instanceof Instant || value instanceof Number
				|| value instanceof Boolean ? value : new Same(value);
	}

	private record Typed(Class<?> type, @Nullable Object value) {
	}

	/** Equal only to a wrapper of the very same object. */
	private record Same(Object value) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Same same && same.value == value;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(value);
		}

	}

}

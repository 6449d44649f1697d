package sa.rawabit.platform.requests;

import java.util.List;

/** One page of a queue and how many requests the whole queue holds. */
record Page<T>(List<T> items, int page, int size, long total) {

	Page {
		items = List.copyOf(items);
	}
}

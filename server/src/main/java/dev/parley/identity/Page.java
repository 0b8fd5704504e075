package dev.parley.identity;

import java.util.List;

/** A page of a list and the cursor of the next one ({@code null} on the last page). */
record Page<T>(List<T> items, String nextCursor) {

	/**
	 * Builds a page from {@code limit + 1} rows: the extra row only says that more exist.
	 */
	static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, String> cursor) {
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		List<T> items = rows.subList(0, limit);
		return new Page<>(List.copyOf(items), cursor.apply(items.getLast()));
	}

}

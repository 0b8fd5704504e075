package dev.parley.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as every list endpoint answers it ({@code items}, then
 * {@code next_cursor}): the items and the cursor of the next page, {@code null} on the
 * last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

	/**
	 * The page of {@code rows} read with {@code limit + 1}: the extra row only says that
	 * more exist; the next page then starts after the last item shown.
	 * @param cursor the cursor that starts after an item
	 */
	public static <T> Page<T> of(List<T> rows, int limit, Function<? super T, String> cursor) {
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		List<T> items = List.copyOf(rows.subList(0, limit));
		return new Page<>(items, cursor.apply(items.getLast()));
	}

	/** The same page with each item converted. */
	public <R> Page<R> map(Function<? super T, ? extends R> converter) {
		return new Page<>(this.items.stream().<R>map(converter).toList(), this.nextCursor);
	}

}

package dev.parley.conversation;

import java.util.List;

/** One page of a list: the items and the cursor for the next page, null at the end. */
record PageView<T>(List<T> items, String nextCursor) {
}

package dev.parley.platform.task;

import java.util.UUID;

import dev.parley.platform.CursorCodec;

/** The cursor of a task list: the id of the last task shown. */
final class TaskCursor {

	private static final CursorCodec<UUID> CODEC = new CursorCodec<>(UUID::toString, UUID::fromString,
			"The cursor is not one of this task list.");

	private TaskCursor() {
	}

	static String encode(UUID last) {
		return CODEC.encode(last);
	}

	static UUID decode(String cursor) {
		return CODEC.decode(cursor);
	}

}

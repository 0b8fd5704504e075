package dev.parley.platform.logging;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The ids a log line carries, as logging MDC entries: the request's (put by the request
 * id filter), the authenticated user's, and the conversation's and generation's where
 * known. Work handed to another thread takes the entries along with {@link #carrying}.
 */
public final class LogContext {

	/** The request's id ({@code x-request-id}). */
	public static final String REQUEST_ID = "request_id";

	/** The authenticated caller's user id. */
	public static final String USER_ID = "user_id";

	public static final String CONVERSATION_ID = "conversation_id";

	/** The id of a generation (the assistant message it writes). */
	public static final String GENERATION_ID = "generation_id";

	private LogContext() {
	}

	/**
	 * {@code task} to run on another thread with the entries this thread has now, plus
	 * {@code keysAndValues} (key, value, key, value, ...); the other thread's own entries
	 * are restored afterwards.
	 */
	public static Runnable carrying(Runnable task, String... keysAndValues) {
		if (keysAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("keys and values come in pairs");
		}
		@Nullable Map<String, String> captured = MDC.getCopyOfContextMap();
		return () -> {
			@Nullable Map<String, String> outer = MDC.getCopyOfContextMap();
			if (captured != null) {
				MDC.setContextMap(captured);
			}
			else {
				MDC.clear();
			}
			for (int i = 0; i < keysAndValues.length; i += 2) {
				MDC.put(keysAndValues[i], keysAndValues[i + 1]);
			}
			try {
				task.run();
			}
			finally {
				if (outer != null) {
					MDC.setContextMap(outer);
				}
				else {
					MDC.clear();
				}
			}
		};
	}

	/**
	 * Puts {@code key} for the duration of {@code scope} (restoring what was there), for
	 * filters: {@code try (var entry = LogContext.put(...)) { chain.doFilter(...); }}.
	 */
	public static Entry put(String key, String value) {
		String outer = MDC.get(key);
		MDC.put(key, value);
		return new Entry(key, outer);
	}

	/** An MDC entry put by {@link #put}, undone by {@link #close()}. */
	public static final class Entry implements AutoCloseable {

		private final String key;

		private final @Nullable String outer;

		private Entry(String key, @Nullable String outer) {
			this.key = key;
			this.outer = outer;
		}

		@Override
		public void close() {
			if (this.outer != null) {
				MDC.put(this.key, this.outer);
			}
			else {
				MDC.remove(this.key);
			}
		}

	}

}

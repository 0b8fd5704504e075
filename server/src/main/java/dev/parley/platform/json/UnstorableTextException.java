package dev.parley.platform.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;

/**
 * A request body holds text that {@link StorableText} refuses (or bytes that are not
 * UTF-8); the error advice answers it as an {@code invalid-text} problem naming the
 * field.
 */
public class UnstorableTextException extends StreamReadException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String field;

	private final String reason;

	UnstorableTextException(JsonParser parser, @Nullable String field, String reason) {
		super(parser, ((field != null) ? "Field '" + field + "' " : "The body ") + reason);
		this.field = field;
		this.reason = reason;
	}

	/**
	 * The field, as a path such as {@code preset_messages[0].content} in the names the
	 * client sent; null for the body itself.
	 */
	public @Nullable String field() {
		return this.field;
	}

	/** What is wrong, phrased to follow the field name ("must not contain ..."). */
	public String reason() {
		return this.reason;
	}

}

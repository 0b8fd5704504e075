package dev.parley.platform.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * A parser that checks every string value and field name against {@link StorableText} as
 * it reads it, and throws {@link UnstorableTextException} naming the field, so that
 * whatever reads a request body (a record, a map, a {@code JsonNode}) never sees such
 * text. Bytes that are not UTF-8 are refused the same way.
 */
final class StrictTextParser extends JsonParserDelegate {

	/** How Jackson's UTF-8 decoder words its errors ("Invalid UTF-8 start byte 0xff"). */
	private static final String INVALID_UTF8 = "Invalid UTF-8";

	/**
	 * How Jackson's byte parser words an unpaired surrogate escape in a field name
	 * ("Broken surrogate pair in property name", "Unexpected low surrogate in property
	 * name").
	 */
	private static final String SURROGATE = "surrogate";

	StrictTextParser(JsonParser delegate) {
		super(delegate);
	}

	@Override
	public @Nullable JsonToken nextToken() {
		return checkedStep(this.delegate::nextToken);
	}

	@Override
	public @Nullable JsonToken nextValue() {
		return checkedStep(this.delegate::nextValue);
	}

	@Override
	public @Nullable String nextName() {
		return checkedStep(this.delegate::nextName);
	}

	@Override
	public boolean nextName(SerializableString expected) {
		return checkedStep(() -> this.delegate.nextName(expected));
	}

	@Override
	public int nextNameMatch(PropertyNameMatcher matcher) {
		return checkedStep(() -> this.delegate.nextNameMatch(matcher));
	}

	/**
	 * One step of the delegate, then the token it moved to is {@link #checked}; Jackson's
	 * errors for a field name it cannot read are reported as {@link #invalidName} says.
	 */
	private <T> T checkedStep(Supplier<T> step) {
		try {
			T result = step.get();
			checked(this.delegate.currentToken());
			return result;
		}
		catch (StreamReadException ex) {
			throw invalidName(ex);
		}
	}

	private @Nullable JsonToken checked(@Nullable JsonToken token) {
		if (token == JsonToken.VALUE_STRING) {
			String value;
			try {
				value = this.delegate.getString();
			}
			catch (StreamReadException ex) {
				if (!isUtf8Error(ex)) {
					throw ex;
				}
				throw new UnstorableTextException(this, path(this.delegate.streamReadContext()), "must be UTF-8 text");
			}
			String problem = StorableText.problem(value);
			if (problem != null) {
				throw new UnstorableTextException(this, path(this.delegate.streamReadContext()),
						"must not contain " + problem);
			}
		}
		else if (token == JsonToken.PROPERTY_NAME) {
			String problem = StorableText.problem(this.delegate.currentName());
			if (problem != null) {
				throw new UnstorableTextException(this, path(this.delegate.streamReadContext().getParent()),
						"must not have a field name with " + problem);
			}
		}
		return token;
	}

	/**
	 * Jackson's own errors for a field name that is not UTF-8 or has an unpaired
	 * surrogate escape, as the same problem as other text that cannot be stored, naming
	 * the object (string values are read in {@link #checked}); any other error unchanged.
	 */
	private JacksonException invalidName(StreamReadException ex) {
		String message = ex.getOriginalMessage();
		if (ex instanceof UnstorableTextException || message == null) {
			return ex;
		}
		// A name is read while the parser is still in the object that holds it.
		String object = path(this.delegate.streamReadContext().getParent());
		if (isUtf8Error(ex)) {
			return new UnstorableTextException(this, object, "must be UTF-8 text");
		}
		if (message.contains(SURROGATE)) {
			return new UnstorableTextException(this, object,
					"must not have a field name with " + StorableText.UNPAIRED_SURROGATE);
		}
		return ex;
	}

	private static boolean isUtf8Error(StreamReadException ex) {
		return !(ex instanceof UnstorableTextException) && ex.getOriginalMessage() != null
				&& ex.getOriginalMessage().startsWith(INVALID_UTF8);
	}

	/**
	 * The path of the value the context is at, such as
	 * {@code preset_messages[0].content}, or null at the root.
	 */
	private static @Nullable String path(@Nullable TokenStreamContext context) {
		Deque<String> segments = new ArrayDeque<>();
		for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
			if (at.inArray()) {
				segments.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
			}
			else if (at.currentName() != null) {
				segments.push(at.currentName());
			}
		}
		StringBuilder path = new StringBuilder();
		for (String segment : segments) {
			if (!path.isEmpty() && segment.charAt(0) != '[') {
				path.append('.');
			}
			path.append(segment);
		}
		return path.isEmpty() ? null : path.toString();
	}

}

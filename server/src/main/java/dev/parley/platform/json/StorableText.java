package dev.parley.platform.json;

import org.jspecify.annotations.Nullable;

/**
 * Parley's text policy: text is stored only as what the client sent, so text that some
 * supported database cannot hold as it is is refused rather than altered. That is a NUL
 * character (U+0000), which PostgreSQL's {@code text} rejects, and a UTF-16 surrogate
 * without its pair (invalid Unicode, which no UTF-8 column can hold: PostgreSQL, MariaDB
 * and H2 would each store something else). Every other character, control characters and
 * emoji included, is accepted.
 */
public final class StorableText {

	/** What {@link #problem} says of a surrogate without its pair. */
	static final String UNPAIRED_SURROGATE = "an unpaired surrogate, which is not valid Unicode";

	private StorableText() {
	}

	/**
	 * What in {@code text} cannot be stored, as a noun phrase ("a NUL character
	 * (U+0000)"), or null when all of it can.
	 */
	public static @Nullable String problem(CharSequence text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return "a NUL character (U+0000)";
			}
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return UNPAIRED_SURROGATE;
				}
			}
		}
		return null;
	}

}

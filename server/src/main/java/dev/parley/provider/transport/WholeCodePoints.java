package dev.parley.provider.transport;

/**
 * Cuts a provider's text deltas at code point boundaries. Providers split text where
 * their tokens end, which can be between the two UTF-16 halves of one character (an emoji
 * sent as {@code "\ud83d"} then {@code "\ude00"}); a delta ending in a high surrogate
 * keeps it back and puts it in front of the next delta. A surrogate that has no pair at
 * all (which is not text) becomes U+FFFD, in every delta, so what is streamed, what
 * {@code end.full_text} says and what is stored agree. Not thread-safe: one per stream.
 */
final class WholeCodePoints {

	static final char REPLACEMENT = '\uFFFD';

	private char heldHigh;

	/** The part of {@code delta} that ends on a code point boundary (may be empty). */
	String accept(String delta) {
		if (this.heldHigh == 0 && !hasSurrogate(delta)) {
			return delta;
		}
		StringBuilder out = new StringBuilder(delta.length() + 1);
		char pending = this.heldHigh;
		this.heldHigh = 0;
		for (int i = 0; i < delta.length(); i++) {
			char c = delta.charAt(i);
			if (pending != 0) {
				if (Character.isLowSurrogate(c)) {
					out.append(pending).append(c);
					pending = 0;
					continue;
				}
				out.append(REPLACEMENT);
				pending = 0;
			}
			if (Character.isHighSurrogate(c)) {
				pending = c;
			}
			else {
				out.append(Character.isLowSurrogate(c) ? REPLACEMENT : c);
			}
		}
		this.heldHigh = pending;
		return out.toString();
	}

	/** What is still held when the text ends: a lone high surrogate as U+FFFD, or "". */
	String flush() {
		if (this.heldHigh == 0) {
			return "";
		}
		this.heldHigh = 0;
		return String.valueOf(REPLACEMENT);
	}

	private static boolean hasSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isSurrogate(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}

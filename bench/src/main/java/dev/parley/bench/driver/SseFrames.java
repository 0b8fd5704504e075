package dev.parley.bench.driver;

import java.nio.charset.StandardCharsets;

/**
 * Classifies one SSE line of either stream protocol by scanning its bytes, without
 * allocating: Parley's envelope ({@code data: {"type":"chunk",...}}) and OpenAI
 * chat-completion chunks ({@code data: {"choices":[{"delta":{"content":"..."}}]}} then
 * {@code data: [DONE]}).
 */
final class SseFrames {

	/** What a line means to the driver. */
	enum Kind {

		/** A frame that carries generated text. */
		TOKEN,
		/** The frame that ends a successful stream. */
		END,
		/** A frame that reports a failure. */
		ERROR,
		/**
		 * Anything else: comments, heartbeats, start frames, role-only deltas, blank
		 * lines.
		 */
		OTHER

	}

	private static final byte[] DATA = ascii("data:");

	private static final byte[] TYPE = ascii("type");

	private static final byte[] CONTENT = ascii("content");

	private static final byte[] ERROR_KEY = ascii("error");

	private static final byte[] DONE = ascii("[DONE]");

	private SseFrames() {
	}

	/** Classifies a line of Parley's stream. */
	static Kind parley(byte[] b, int off, int len) {
		int to = off + len;
		int data = dataStart(b, off, to);
		if (data < 0) {
			return Kind.OTHER;
		}
		int v = findKey(b, data, to, TYPE, true);
		if (v < 0 || b[v] != '"') {
			return Kind.OTHER;
		}
		if (isString(b, v, to, "chunk")) {
			return Kind.TOKEN;
		}
		if (isString(b, v, to, "end")) {
			return Kind.END;
		}
		if (isString(b, v, to, "error")) {
			return Kind.ERROR;
		}
		return Kind.OTHER;
	}

	/** Classifies a line of an OpenAI-compatible chat-completions stream. */
	static Kind openAi(byte[] b, int off, int len) {
		int to = off + len;
		int data = dataStart(b, off, to);
		if (data < 0) {
			return Kind.OTHER;
		}
		if (regionEquals(b, data, to, DONE)) {
			return Kind.END;
		}
		if (findKey(b, data, to, ERROR_KEY, true) >= 0) {
			return Kind.ERROR;
		}
		int v = findKey(b, data, to, CONTENT, false);
		boolean hasText = v >= 0 && v + 1 < to && b[v] == '"' && b[v + 1] != '"';
		return hasText ? Kind.TOKEN : Kind.OTHER;
	}

	/**
	 * Index of the payload after {@code data:} and optional spaces, or -1 if not a data
	 * line.
	 */
	static int dataStart(byte[] b, int off, int to) {
		if (!regionEquals(b, off, to, DATA)) {
			return -1;
		}
		return skipSpace(b, off + DATA.length, to);
	}

	/**
	 * Finds an object key in a JSON text and returns the index where its value starts, or
	 * -1. Keys inside string values are never matched, because strings are skipped whole.
	 * @param topLevelOnly match only keys of the outermost object
	 */
	static int findKey(byte[] b, int from, int to, byte[] key, boolean topLevelOnly) {
		int depth = 0;
		int i = from;
		while (i < to) {
			byte c = b[i];
			if (c == '"') {
				int start = i + 1;
				i = skipString(b, start, to);
				boolean candidate = (depth == 1 || (!topLevelOnly && depth > 1)) && i - 1 - start == key.length
						&& regionEquals(b, start, to, key);
				if (candidate) {
					int colon = skipSpace(b, i, to);
					if (colon < to && b[colon] == ':') {
						return skipSpace(b, colon + 1, to);
					}
				}
				continue;
			}
			if (c == '{' || c == '[') {
				depth++;
			}
			else if (c == '}' || c == ']') {
				depth--;
			}
			i++;
		}
		return -1;
	}

	/**
	 * Returns the index just after the closing quote of a string whose content starts at
	 * i.
	 */
	private static int skipString(byte[] b, int i, int to) {
		while (i < to) {
			byte c = b[i];
			if (c == '\\') {
				i += 2;
			}
			else if (c == '"') {
				return i + 1;
			}
			else {
				i++;
			}
		}
		return to;
	}

	private static boolean isString(byte[] b, int quote, int to, String value) {
		int end = quote + 1 + value.length();
		if (end >= to || b[end] != '"') {
			return false;
		}
		for (int k = 0; k < value.length(); k++) {
			if (b[quote + 1 + k] != value.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static boolean regionEquals(byte[] b, int off, int to, byte[] expected) {
		if (to - off < expected.length) {
			return false;
		}
		for (int k = 0; k < expected.length; k++) {
			if (b[off + k] != expected[k]) {
				return false;
			}
		}
		return true;
	}

	private static int skipSpace(byte[] b, int i, int to) {
		while (i < to && (b[i] == ' ' || b[i] == '\t')) {
			i++;
		}
		return i;
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

}

package dev.parley.conversation;

/**
 * Derives a conversation title from its first user message: the first non-blank line, cut
 * short.
 */
final class AutoTitle {

	static final int MAX_LENGTH = 50;

	private AutoTitle() {
	}

	static String from(String content) {
		if (content == null) {
			return null;
		}
		String line = content.strip().lines().map(String::strip).filter((l) -> !l.isEmpty()).findFirst().orElse("");
		if (line.isEmpty()) {
			return null;
		}
		if (line.codePointCount(0, line.length()) <= MAX_LENGTH) {
			return line;
		}
		int end = line.offsetByCodePoints(0, MAX_LENGTH - 1);
		return line.substring(0, end).stripTrailing() + "\u2026";
	}

}

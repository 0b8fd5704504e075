package dev.parley.conversation.title;

import java.util.Optional;

/**
 * Makes a model's answer a title: its first non-blank line, without a {@code Title:}
 * label, the quotes around it or a final period, at most {@value #MAX_LENGTH} characters
 * (code points, cut with an ellipsis).
 */
public final class TitleText {

	/** The longest title, in characters (code points). */
	public static final int MAX_LENGTH = 50;

	private static final String QUOTES = "\"'`\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f\u300a\u300b*#";

	private static final String FINAL_STOPS = ".\u3002!\uff01";

	private TitleText() {
	}

	/** The title in {@code answer}, or empty when it holds none. */
	public static Optional<String> clean(String answer) {
		String line = answer.strip().lines().map(String::strip).filter((l) -> !l.isEmpty()).findFirst().orElse("");
		line = withoutLabel(line);
		int start = 0;
		int end = line.length();
		while (start < end && QUOTES.indexOf(line.charAt(start)) >= 0) {
			start++;
		}
		while (end > start
				&& (QUOTES.indexOf(line.charAt(end - 1)) >= 0 || FINAL_STOPS.indexOf(line.charAt(end - 1)) >= 0)) {
			end--;
		}
		String title = line.substring(start, end).strip();
		if (title.isEmpty() || title.chars().anyMatch((c) -> c == 0)) {
			return Optional.empty();
		}
		if (title.codePointCount(0, title.length()) > MAX_LENGTH) {
			title = title.substring(0, title.offsetByCodePoints(0, MAX_LENGTH - 1)).stripTrailing() + "\u2026";
		}
		return Optional.of(title);
	}

	private static String withoutLabel(String line) {
		for (String label : new String[] { "title:", "标题：", "标题:" }) {
			if (line.regionMatches(true, 0, label, 0, label.length())) {
				return line.substring(label.length()).strip();
			}
		}
		return line;
	}

}

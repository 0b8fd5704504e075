package dev.parley.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a hit's text to a snippet around its first match and marks every occurrence of the
 * query's words in it. Offsets count UTF-16 code units, as JavaScript strings do (which
 * are Java's too); a snippet never splits a surrogate pair. Words are found ignoring case
 * character by character ({@link String#regionMatches(boolean, int, String, int, int)}).
 */
final class Snippets {

	/** The longest snippet, in UTF-16 code units, not counting the ellipses. */
	static final int MAX_LENGTH = 200;

	/** How much text before the first match a snippet keeps, at most. */
	static final int LEAD = 60;

	private static final String ELLIPSIS = "\u2026";

	private Snippets() {
	}

	/** A marked range of a snippet: {@code [start, end)} in UTF-16 code units. */
	record Highlight(int start, int end) {
	}

	/** A snippet and its highlights, in order, never overlapping. */
	record Snippet(String text, List<Highlight> highlights) {
	}

	static Snippet of(String text, List<String> terms) {
		int first = -1;
		for (String term : terms) {
			int at = indexOf(text, term, 0);
			if (at >= 0 && (first < 0 || at < first)) {
				first = at;
			}
		}
		int start = 0;
		if (text.length() > MAX_LENGTH && first > LEAD) {
			start = Math.min(first - LEAD, text.length() - MAX_LENGTH);
		}
		int end = Math.min(text.length(), start + MAX_LENGTH);
		start = boundary(text, start);
		end = boundary(text, end);
		String prefix = (start > 0) ? ELLIPSIS : "";
		String body = text.substring(start, end);
		String snippet = prefix + body + ((end < text.length()) ? ELLIPSIS : "");
		return new Snippet(snippet, highlights(snippet, prefix.length(), prefix.length() + body.length(), terms));
	}

	/**
	 * Every occurrence of every term within {@code [from, to)}, merged where they touch.
	 */
	private static List<Highlight> highlights(String snippet, int from, int to, List<String> terms) {
		List<Highlight> found = new ArrayList<>();
		for (String term : terms) {
			if (term.isEmpty()) {
				continue;
			}
			int at = indexOf(snippet, term, from);
			while (at >= 0 && at + term.length() <= to) {
				found.add(new Highlight(at, at + term.length()));
				at = indexOf(snippet, term, at + term.length());
			}
		}
		found.sort(Comparator.comparingInt(Highlight::start).thenComparingInt(Highlight::end));
		List<Highlight> merged = new ArrayList<>();
		for (Highlight highlight : found) {
			if (!merged.isEmpty() && highlight.start() <= merged.getLast().end()) {
				Highlight last = merged.removeLast();
				merged.add(new Highlight(last.start(), Math.max(last.end(), highlight.end())));
			}
			else {
				merged.add(highlight);
			}
		}
		return List.copyOf(merged);
	}

	/**
	 * Where {@code term} first occurs in {@code text} from {@code from} on, ignoring
	 * case.
	 */
	static int indexOf(String text, String term, int from) {
		int last = text.length() - term.length();
		for (int i = Math.max(0, from); i <= last; i++) {
			if (text.regionMatches(true, i, term, 0, term.length())) {
				return i;
			}
		}
		return -1;
	}

	/** {@code index}, moved back one when it would split a surrogate pair. */
	private static int boundary(String text, int index) {
		if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
				&& Character.isHighSurrogate(text.charAt(index - 1))) {
			return index - 1;
		}
		return index;
	}

}

package dev.parley.conversation.tag;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.TagName;
import dev.parley.platform.json.StorableText;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * The rules of tag names and colors: a name is trimmed and 1 to {@value #MAX_LENGTH}
 * characters (code points); two names are the same tag when their keys (lower case,
 * {@link Locale#ROOT}) are equal; a color is {@code #rrggbb}.
 */
public final class TagNames {

	/** The longest name, in characters (code points). */
	public static final int MAX_LENGTH = 50;

	private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

	private TagNames() {
	}

	/**
	 * The name as stored: trimmed.
	 * @throws ProblemException 400 when it is blank, too long or holds what cannot be
	 * stored
	 */
	public static String clean(@Nullable String name, String field) {
		if (name == null) {
			throw ProblemException.invalid(field, "must not be null");
		}
		String unstorable = StorableText.problem(name);
		if (unstorable != null) {
			throw ProblemException.of(CommonProblem.INVALID_TEXT, field + " holds " + unstorable);
		}
		String trimmed = name.strip();
		if (trimmed.isEmpty()) {
			throw ProblemException.invalid(field, "must not be blank");
		}
		if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
			throw ProblemException.invalid(field, "must be at most " + MAX_LENGTH + " characters");
		}
		return trimmed;
	}

	/** What makes two names the same tag: the trimmed name in lower case. */
	public static String key(String name) {
		return TagName.key(name);
	}

	/**
	 * The color as stored (lower case), or null for none.
	 * @throws ProblemException 400 when it is not {@code #rrggbb}
	 */
	static @Nullable String color(@Nullable String color, String field) {
		if (color == null || color.isEmpty()) {
			return null;
		}
		if (!COLOR.matcher(color).matches()) {
			throw ProblemException.invalid(field, "must be a color #rrggbb");
		}
		return color.toLowerCase(Locale.ROOT);
	}

}

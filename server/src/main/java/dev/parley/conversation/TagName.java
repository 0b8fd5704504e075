package dev.parley.conversation;

import java.util.Locale;

/**
 * When two tag names are the same tag: their keys ({@code tags.name_key}, what features
 * that filter by a tag's name compare) are equal.
 */
public final class TagName {

	private TagName() {
	}

	/** The key of a tag name: trimmed, in lower case ({@link Locale#ROOT}). */
	public static String key(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

}

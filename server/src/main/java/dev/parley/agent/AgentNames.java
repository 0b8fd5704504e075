package dev.parley.agent;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** How agent names compare (ignoring case) and tell apart from ids. */
final class AgentNames {

	private static final Pattern UUID_TEXT = Pattern
		.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private AgentNames() {
	}

	/** The form names are compared in. */
	static String key(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	/** The UUID this text spells, or null when it is not one. */
	static UUID asUuid(String text) {
		return UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : null;
	}

}

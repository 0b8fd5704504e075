package dev.parley.importing.source;

import dev.parley.platform.json.StorableText;

/** The checks on a conversation's id in its file, which the import records. */
final class SourceIds {

	/** Longest id ({@code conversation_imports.source_id}). */
	static final int MAX_CHARS = 200;

	private SourceIds() {
	}

	static String check(String id) {
		if (id.isBlank()) {
			throw Fields.invalid("id", "must not be blank");
		}
		if (id.length() > MAX_CHARS) {
			throw Fields.invalid("id", "must be at most " + MAX_CHARS + " characters");
		}
		String problem = StorableText.problem(id);
		if (problem != null) {
			throw Fields.invalid("id", "must not contain " + problem);
		}
		return id;
	}

}

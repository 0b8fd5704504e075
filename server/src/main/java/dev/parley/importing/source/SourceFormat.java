package dev.parley.importing.source;

import java.util.Locale;

/**
 * The export formats Parley imports; {@link #id} is how the API and the records name
 * each.
 */
public enum SourceFormat {

	/** Parley's own JSON export ({@code "format": "parley.export"}). */
	PARLEY,
	/**
	 * ChatGPT's data export: {@code conversations.json} with its {@code mapping} tree.
	 */
	CHATGPT,
	/** Open WebUI's chat export: chats with a {@code history.messages} tree. */
	OPENWEBUI;

	/** The name in the API and in {@code conversation_imports.source}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}

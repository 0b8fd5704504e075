package dev.parley.importing.source;

/**
 * A conversation of a file that cannot be imported as it is; the rest of the file goes
 * on. The message is the reason, phrased for the report ("messages[2].role: ...").
 */
class InvalidConversationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	InvalidConversationException(String reason) {
		super(reason);
	}

}

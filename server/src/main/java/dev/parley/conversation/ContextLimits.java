package dev.parley.conversation;

/** Size limits on a conversation's settings, checked before anything is written. */
final class ContextLimits {

	/** Longest title, in characters. */
	static final int TITLE_MAX_CHARS = 200;

	/** Longest system prompt, in characters. */
	static final int SYSTEM_PROMPT_MAX_CHARS = 32_000;

	/** Most preset (few-shot) messages. */
	static final int PRESET_MESSAGES_MAX = 50;

	/** Longest preset message, in characters. */
	static final int CONTENT_MAX_CHARS = 32_000;

	private ContextLimits() {
	}

}

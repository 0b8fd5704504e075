package dev.parley.agent;

/** Size limits on agents and saved contexts, checked before anything is written. */
final class AgentLimits {

	static final int NAME_MAX_CHARS = 100;

	static final int DESCRIPTION_MAX_CHARS = 1000;

	static final int AVATAR_URL_MAX_CHARS = 500;

	static final int SYSTEM_PROMPT_MAX_CHARS = 32_000;

	static final int PRESET_MESSAGES_MAX = 50;

	static final int PRESET_CONTENT_MAX_CHARS = 32_000;

	static final int GREETINGS_MAX = 10;

	static final int GREETING_MAX_CHARS = 2000;

	static final int QUESTIONS_MAX = 10;

	static final int QUESTION_MAX_CHARS = 500;

	static final int ROUTE_TARGETS_MAX = 10;

	static final int MODEL_MAX_CHARS = 200;

	static final int WEIGHT_MAX = 1000;

	static final int STOP_MAX = 4;

	static final int STOP_MAX_CHARS = 200;

	static final int MAX_TOKENS_MAX = 1_000_000;

	/** Agents one non-administrator may own (administrators are not limited). */
	static final int OWNED_AGENTS_MAX = 100;

	/** Saved contexts per user; the list is never paged. */
	static final int CONTEXTS_PER_USER_MAX = 100;

	/** An http or https URL without spaces. */
	static final String HTTP_URL = "(?i)https?://[^\\s/$.?#][^\\s]*";

	private AgentLimits() {
	}

}

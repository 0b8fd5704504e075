package dev.parley.agent;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The JSON bodies the saved contexts API accepts (snake_case, unknown fields rejected).
 */
final class SavedContextRequests {

	private SavedContextRequests() {
	}

	/**
	 * {@code POST /api/v1/contexts} (name and system prompt required) and {@code PATCH
	 * /api/v1/contexts/{id}} (absent or null fields stay as they are).
	 */
	record Body(
			@Size(max = AgentLimits.NAME_MAX_CHARS) @Pattern(regexp = AgentLimits.NOT_BLANK,
					message = "must not be blank") String name,
			@Size(max = AgentLimits.SYSTEM_PROMPT_MAX_CHARS) @Pattern(regexp = AgentLimits.NOT_BLANK,
					message = "must not be blank") String systemPrompt,
			Boolean isDefault) {
	}

}

package dev.parley.agent;

import jakarta.validation.constraints.Size;

import dev.parley.platform.NotBlankWhenPresent;

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
	record Body(@Size(max = AgentLimits.NAME_MAX_CHARS) @NotBlankWhenPresent String name,
			@Size(max = AgentLimits.SYSTEM_PROMPT_MAX_CHARS) @NotBlankWhenPresent String systemPrompt,
			Boolean isDefault) {
	}

}

package dev.parley.conversation;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.parley.platform.NotBlankWhenPresent;

/**
 * The JSON bodies the conversations API accepts (snake_case, unknown fields rejected).
 */
final class ConversationRequests {

	private ConversationRequests() {
	}

	/**
	 * {@code POST /api/v1/conversations}; every field optional. Without {@code agent_id}
	 * the conversation starts from the default agent; {@code context_id} names one of the
	 * caller's saved contexts.
	 */
	record Create(@Size(max = ContextLimits.TITLE_MAX_CHARS) @NotBlankWhenPresent String title,
			@Size(max = ContextLimits.SYSTEM_PROMPT_MAX_CHARS) String systemPrompt,
			@Size(max = ContextLimits.PRESET_MESSAGES_MAX) List<@Valid @NotNull PresetMessage> presetMessages,
			UUID agentId, UUID contextId) {

		/** An empty request: the default agent, no title. */
		static Create empty() {
			return new Create(null, null, null, null, null);
		}

	}

	/** {@code PATCH /api/v1/conversations/{id}}; absent fields stay as they are. */
	record Update(@Size(max = ContextLimits.TITLE_MAX_CHARS) @NotBlankWhenPresent String title, Boolean pinned,
			Boolean archived) {
	}

	/** {@code PUT /api/v1/conversations/{id}/context}: replaces both settings. */
	record Context(@Size(max = ContextLimits.SYSTEM_PROMPT_MAX_CHARS) String systemPrompt,
			@Size(max = ContextLimits.PRESET_MESSAGES_MAX) List<@Valid @NotNull PresetMessage> presetMessages) {
	}

}

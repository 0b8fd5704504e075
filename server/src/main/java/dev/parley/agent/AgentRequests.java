package dev.parley.agent;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.parley.platform.NotBlankWhenPresent;

/** The JSON bodies the agents API accepts (snake_case, unknown fields rejected). */
final class AgentRequests {

	private AgentRequests() {
	}

	/**
	 * {@code POST /api/v1/agents} and {@code PATCH /api/v1/agents/{id}}. On create only
	 * {@code name} is required; on update an absent or null field stays as it is, an
	 * empty string clears a text and an empty list clears a list.
	 */
	record Body(@Size(max = AgentLimits.NAME_MAX_CHARS) @NotBlankWhenPresent String name,
			@Size(max = AgentLimits.DESCRIPTION_MAX_CHARS) String description,
			@Size(max = AgentLimits.AVATAR_URL_MAX_CHARS) @Pattern(regexp = "|" + AgentLimits.HTTP_URL,
					message = "must be an http or https URL") String avatarUrl,
			@Size(max = AgentLimits.ROUTE_TARGETS_MAX) List<@Valid @NotNull Target> route, @Valid Params params,
			@Size(max = AgentLimits.SYSTEM_PROMPT_MAX_CHARS) String systemPrompt,
			@Size(max = AgentLimits.PRESET_MESSAGES_MAX) List<@Valid @NotNull Preset> presetMessages,
			@Size(max = AgentLimits.GREETINGS_MAX) List<@NotBlank @Size(
					max = AgentLimits.GREETING_MAX_CHARS) String> greetings,
			@Size(max = AgentLimits.QUESTIONS_MAX) List<@NotBlank @Size(
					max = AgentLimits.QUESTION_MAX_CHARS) String> suggestedQuestions,
			Visibility visibility, @Size(max = 3) List<@NotNull Audience> visibleRoles, Boolean cacheEnabled) {
	}

	/** One target of an agent's route. */
	record Target(@NotBlank @Size(max = 100) String providerId,
			@NotBlank @Size(max = AgentLimits.MODEL_MAX_CHARS) String model,
			@Min(0) @Max(AgentLimits.WEIGHT_MAX) Integer weight) {
	}

	/** An agent's model parameters; an absent one is the provider's default. */
	record Params(@DecimalMin("0") @DecimalMax("2") Double temperature, @DecimalMin("0") @DecimalMax("1") Double topP,
			@Min(1) @Max(AgentLimits.MAX_TOKENS_MAX) Integer maxTokens,
			@Size(max = AgentLimits.STOP_MAX) List<@NotNull @Size(min = 1,
					max = AgentLimits.STOP_MAX_CHARS) String> stop) {
	}

	/** One preset (few-shot) message. */
	record Preset(@NotNull PresetRole role,
			@NotBlank @Size(max = AgentLimits.PRESET_CONTENT_MAX_CHARS) String content) {
	}

	/** The roles a preset message may have; serialized in lower case. */
	enum PresetRole {

		SYSTEM, USER, ASSISTANT

	}

}

package dev.parley.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A few-shot message placed before the history in the model's context. */
public record PresetMessage(@NotNull MessageRole role,
		@NotBlank @Size(max = ContextLimits.CONTENT_MAX_CHARS) String content) {
}

package dev.parley.chat.generation;

import java.util.UUID;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/conversations/{id}/messages}.
 *
 * @param content the user's message
 * @param parentId the message this one follows (to edit: the parent of the message being
 * edited); default the conversation's newest message
 * @param model the model to answer with; default the configured default model
 */
record SendMessageRequest(String content, UUID parentId, @Size(max = MODEL_MAX_CHARS) String model) {

	/** The longest model name a reply can store ({@code messages.model}). */
	static final int MODEL_MAX_CHARS = 200;

}

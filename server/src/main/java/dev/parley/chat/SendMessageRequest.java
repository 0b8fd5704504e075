package dev.parley.chat;

import java.util.UUID;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/conversations/{id}/messages}, and of a WebSocket
 * {@code send}.
 *
 * @param content the user's message
 * @param parentId the message this one follows (to edit: the parent of the message being
 * edited); default the conversation's newest message
 * @param model the model to answer with; default the configured default model
 * @param root true: the message starts a new branch at the top of the conversation,
 * beside its first message (how the first message is edited); not with {@code parentId}
 */
public record SendMessageRequest(@Nullable String content, @Nullable UUID parentId,
		@Nullable @Size(max = MODEL_MAX_CHARS) String model, @Nullable Boolean root) {

	/** The longest model name a reply can store ({@code messages.model}). */
	public static final int MODEL_MAX_CHARS = 200;

}

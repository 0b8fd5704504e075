package dev.parley.chat.generation;

import java.util.UUID;

/**
 * Body of {@code POST /api/v1/conversations/{id}/messages}.
 *
 * @param content the user's message
 * @param parentId the message this one follows (to edit: the parent of the message being
 * edited); default the conversation's newest message
 * @param model the model to answer with; default the configured default model
 */
record SendMessageRequest(String content, UUID parentId, String model) {
}

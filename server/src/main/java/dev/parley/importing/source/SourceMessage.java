package dev.parley.importing.source;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.MessageRole;
import dev.parley.conversation.MessageStatus;

/**
 * One message as a file has it, before {@link MessageTree} orders the conversation: its
 * id and its parent's in the file, and what will be stored.
 */
record SourceMessage(String id, @Nullable String parentId, MessageRole role, String content, MessageStatus status,
		@Nullable String model, @Nullable String provider, @Nullable Integer promptTokens,
		@Nullable Integer completionTokens, @Nullable String finishReason, Instant createdAt, Instant updatedAt) {
}

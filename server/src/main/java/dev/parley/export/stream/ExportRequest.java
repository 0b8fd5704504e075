package dev.parley.export.stream;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.export.format.ExportFormat;

/**
 * One export as asked for, checked: the format and the filters, each null when not given.
 *
 * @param format the format
 * @param ownerId whose conversations (null: everyone's, for administrators)
 * @param conversationId only this conversation
 * @param from messages created at or after this
 * @param to messages created before this
 * @param agentId conversations started from this agent
 * @param archived only archived or only not archived conversations
 * @param since the cursor of the previous export: only what changed after it
 * @param tag conversations carrying a tag of this name
 */
public record ExportRequest(ExportFormat format, @Nullable String ownerId, @Nullable UUID conversationId,
		@Nullable Instant from, @Nullable Instant to, @Nullable UUID agentId, @Nullable Boolean archived,
		@Nullable String since, @Nullable String tag) {

}

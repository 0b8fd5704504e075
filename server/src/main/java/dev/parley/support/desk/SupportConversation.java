package dev.parley.support.desk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The support state of a conversation (docs/adr/0022): its inbox and contact, status,
 * priority, who answers ({@code handler}), assignee and team, labels, and the times the
 * reports are made of.
 */
public record SupportConversation(UUID conversationId, UUID inboxId, UUID contactId, SupportStatus status,
		Priority priority, Handler handler, boolean botStarted, @Nullable String assigneeId, @Nullable UUID teamId,
		@Nullable Instant snoozedUntil, @Nullable Instant waitingSince, @Nullable Instant firstReplyAt,
		@Nullable Instant handedOffAt, @Nullable Instant resolvedAt, int botReplies, int botFailures, Instant createdAt,
		Instant updatedAt, List<String> labels) {

	public boolean humansAnswer() {
		return this.handler == Handler.HUMAN;
	}

}

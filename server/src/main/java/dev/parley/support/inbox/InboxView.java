package dev.parley.support.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An inbox as administrators see it, with the snippet that embeds its widget. */
record InboxView(UUID id, String name, @Nullable UUID agentId, @Nullable String greeting,
		@Nullable String handoffMessage, List<String> handoffKeywords, int handoffAfterFailures,
		@Nullable Map<String, List<List<String>>> businessHours, String timeZone, boolean identityRequired,
		String hmacSecret, boolean autoAssign, int agentCapacity, List<String> allowedOrigins, List<String> memberIds,
		String widgetSnippet, Instant createdAt, Instant updatedAt) {

	static InboxView of(Inbox inbox, String baseUrl) {
		String snippet = "<script src=\"" + baseUrl + "/widget.js\" data-inbox=\"" + inbox.id() + "\" async></script>";
		return new InboxView(inbox.id(), inbox.name(), inbox.agentId(), inbox.greeting(), inbox.handoffMessage(),
				inbox.handoffKeywords(), inbox.handoffAfterFailures(),
				(inbox.businessHours() != null) ? inbox.businessHours().days() : null, inbox.timeZone(),
				inbox.identityRequired(), inbox.hmacSecret(), inbox.autoAssign(), inbox.agentCapacity(),
				inbox.allowedOrigins(), inbox.memberIds(), snippet, inbox.createdAt(), inbox.updatedAt());
	}

}

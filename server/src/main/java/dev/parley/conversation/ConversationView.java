package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation as the API shows it (the owner is implied by who asks). */
record ConversationView(UUID id, String title, UUID agentId, String systemPrompt, List<PresetMessage> presetMessages,
		Instant contextStart, boolean pinned, boolean archived, ConversationStatus status, Instant createdAt,
		Instant updatedAt) {

	static ConversationView of(Conversation c) {
		return new ConversationView(c.id(), c.title(), c.agentId(), c.systemPrompt(), c.presetMessages(),
				c.contextStart(), c.pinned(), c.archived(), c.status(), c.createdAt(), c.updatedAt());
	}

}

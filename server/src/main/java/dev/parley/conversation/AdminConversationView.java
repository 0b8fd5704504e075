package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A conversation as the administrators' browsing shows it: the fields of
 * {@link ConversationView} and its owner.
 */
record AdminConversationView(UUID id, String title, UUID agentId, String systemPrompt,
		List<PresetMessage> presetMessages, List<String> greetings, List<String> suggestedQuestions,
		Instant contextStart, boolean pinned, boolean archived, ConversationStatus status, Instant lastActiveAt,
		Instant createdAt, Instant updatedAt, Owner owner) {

	/** Who owns the conversation; e-mail and name are null for an account gone. */
	record Owner(String id, @Nullable String email, @Nullable String displayName) {
	}

	static AdminConversationView of(ConversationView v, AdminConversationRepository.Owned owned) {
		return new AdminConversationView(v.id(), v.title(), v.agentId(), v.systemPrompt(), v.presetMessages(),
				v.greetings(), v.suggestedQuestions(), v.contextStart(), v.pinned(), v.archived(), v.status(),
				v.lastActiveAt(), v.createdAt(), v.updatedAt(),
				new Owner(owned.conversation().ownerId(), owned.ownerEmail(), owned.ownerName()));
	}

}

package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.agent.AgentProfile;

/**
 * A conversation as the API shows it (the owner is implied by who asks), with its agent's
 * greetings and suggested questions for a client to show (never stored as messages, never
 * sent to the model).
 */
record ConversationView(UUID id, String title, UUID agentId, String systemPrompt, List<PresetMessage> presetMessages,
		List<String> greetings, List<String> suggestedQuestions, Instant contextStart, boolean pinned, boolean archived,
		ConversationStatus status, Instant lastActiveAt, Instant createdAt, Instant updatedAt) {

	/** The conversation with {@code agent}'s greetings and questions (none when null). */
	static ConversationView of(Conversation c, AgentProfile agent) {
		return new ConversationView(c.id(), c.title(), c.agentId(), c.systemPrompt(), c.presetMessages(),
				(agent != null) ? agent.greetings() : List.of(),
				(agent != null) ? agent.suggestedQuestions() : List.of(), c.contextStart(), c.pinned(), c.archived(),
				c.status(), c.lastActiveAt(), c.createdAt(), c.updatedAt());
	}

}

package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.agent.AgentProfile;
import dev.parley.conversation.tag.ConversationTag;

/**
 * A conversation as the API shows it (the owner is implied by who asks), with where its
 * title came from, its tags, and its agent's greetings and suggested questions for a
 * client to show (never stored as messages, never sent to the model).
 */
record ConversationView(UUID id, String title, @Nullable TitleSource titleSource, List<ConversationTag> tags,
		UUID agentId, String systemPrompt, List<PresetMessage> presetMessages, List<String> greetings,
		List<String> suggestedQuestions, Instant contextStart, boolean pinned, boolean archived,
		ConversationStatus status, Instant lastActiveAt, Instant createdAt, Instant updatedAt) {

	/**
	 * The conversation with its tags and {@code agent}'s greetings and questions (none
	 * when null).
	 */
	static ConversationView of(Conversation c, List<ConversationTag> tags, AgentProfile agent) {
		return new ConversationView(c.id(), c.title(), c.titleSource(), tags, c.agentId(), c.systemPrompt(),
				c.presetMessages(), (agent != null) ? agent.greetings() : List.of(),
				(agent != null) ? agent.suggestedQuestions() : List.of(), c.contextStart(), c.pinned(), c.archived(),
				c.status(), c.lastActiveAt(), c.createdAt(), c.updatedAt());
	}

}

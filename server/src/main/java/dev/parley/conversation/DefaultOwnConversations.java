package dev.parley.conversation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@link OwnConversations} on the services of the REST routes: the starter that copies
 * the default agent's settings, and {@link ConversationService}'s checked use cases.
 */
@Component
class DefaultOwnConversations implements OwnConversations {

	private final ConversationStarter starter;

	private final ConversationService service;

	private final MessageRepository messages;

	DefaultOwnConversations(ConversationStarter starter, ConversationService service, MessageRepository messages) {
		this.starter = starter;
		this.service = service;
		this.messages = messages;
	}

	@Override
	public Conversation create() {
		return this.starter.start(ConversationRequests.Create.empty()).conversation();
	}

	@Override
	public Conversation get(UUID conversationId) {
		return this.service.get(conversationId);
	}

	@Override
	public void delete(UUID conversationId) {
		this.service.delete(conversationId);
	}

	@Override
	public Conversation clearContext(UUID conversationId) {
		return this.service.clearContext(conversationId);
	}

	@Override
	public List<Message> messagesAfter(UUID conversationId, @Nullable UUID after, int limit) {
		this.service.get(conversationId);
		return this.messages.pageAfter(conversationId, after, limit);
	}

}

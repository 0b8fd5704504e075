package dev.parley.conversation;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.parley.conversation.tag.TagService;
import dev.parley.platform.problem.ProblemException;

/**
 * Puts tags on the current user's conversations and tells the other features (realtime
 * subscribers) that the conversation changed.
 */
@Component
class ConversationTagging {

	private final ConversationService conversations;

	private final TagService tags;

	private final ApplicationEventPublisher events;

	ConversationTagging(ConversationService conversations, TagService tags, ApplicationEventPublisher events) {
		this.conversations = conversations;
		this.tags = tags;
		this.events = events;
	}

	/**
	 * Gives the conversation exactly the tags of these names, creating those the caller
	 * has not.
	 */
	Conversation assign(UUID id, List<String> names) {
		Conversation conversation = this.conversations.get(id);
		if (!this.tags.assign(conversation.id(), conversation.ownerId(), names)) {
			throw ProblemException.of(ConversationProblem.CONVERSATION_NOT_FOUND, "No conversation " + id);
		}
		Conversation now = this.conversations.get(id);
		this.events.publishEvent(new ConversationUpdated(now));
		return now;
	}

}

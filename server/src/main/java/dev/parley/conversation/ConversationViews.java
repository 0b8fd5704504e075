package dev.parley.conversation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.agent.AgentCatalog;
import dev.parley.agent.AgentProfile;
import dev.parley.conversation.tag.ConversationTag;
import dev.parley.conversation.tag.TagService;
import dev.parley.platform.Page;

/**
 * Shows conversations with their tags (one query per page) and their agents' greetings
 * and suggested questions.
 */
@Component
class ConversationViews {

	private final AgentCatalog agents;

	private final TagService tags;

	ConversationViews(AgentCatalog agents, TagService tags) {
		this.agents = agents;
		this.tags = tags;
	}

	ConversationView of(Conversation conversation) {
		return of(conversation, this.tags.tagsOf(List.of(conversation.id())));
	}

	/** A conversation just created, which has no tags yet, with its agent. */
	ConversationView created(Conversation conversation, AgentProfile agent) {
		return ConversationView.of(conversation, List.of(), agent);
	}

	Page<ConversationView> of(Page<Conversation> page) {
		Map<UUID, List<ConversationTag>> tagsById = this.tags
			.tagsOf(page.items().stream().map(Conversation::id).toList());
		return page.map((conversation) -> of(conversation, tagsById));
	}

	private ConversationView of(Conversation conversation, Map<UUID, List<ConversationTag>> tagsById) {
		// No visibility check: the conversation is bound to its agent already. A deleted
		// agent leaves no greetings.
		return ConversationView.of(conversation, tagsById.getOrDefault(conversation.id(), List.of()),
				(conversation.agentId() != null) ? this.agents.find(conversation.agentId()).orElse(null) : null);
	}

}

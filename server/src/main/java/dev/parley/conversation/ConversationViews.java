package dev.parley.conversation;

import org.springframework.stereotype.Component;

import dev.parley.agent.AgentCatalog;
import dev.parley.platform.Page;

/** Shows conversations with their agents' greetings and suggested questions. */
@Component
class ConversationViews {

	private final AgentCatalog agents;

	ConversationViews(AgentCatalog agents) {
		this.agents = agents;
	}

	ConversationView of(Conversation conversation) {
		// No visibility check: the conversation is bound to its agent already. A deleted
		// agent leaves no greetings.
		return ConversationView.of(conversation,
				(conversation.agentId() != null) ? this.agents.find(conversation.agentId()).orElse(null) : null);
	}

	Page<ConversationView> of(Page<Conversation> page) {
		return page.map(this::of);
	}

}

package dev.parley.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.parley.agent.AgentCatalog;
import dev.parley.agent.AgentProblem;
import dev.parley.agent.AgentProfile;
import dev.parley.agent.SavedContext;
import dev.parley.agent.SavedContexts;
import dev.parley.platform.problem.ProblemException;

/**
 * Creates a conversation from a request, an agent and the caller's saved contexts. The
 * agent's settings are copied into the conversation, so a later change to the agent does
 * not rewrite existing conversations (docs/adr/0006).
 */
@Component
class ConversationStarter {

	private final ConversationService conversations;

	private final AgentCatalog agents;

	private final SavedContexts contexts;

	ConversationStarter(ConversationService conversations, AgentCatalog agents, SavedContexts contexts) {
		this.conversations = conversations;
		this.agents = agents;
		this.contexts = contexts;
	}

	/**
	 * The new conversation and its agent. The system prompt is the request's, else the
	 * named context's, else the agent's, else the caller's default context's; the preset
	 * messages are the request's, else the agent's.
	 */
	Started start(ConversationRequests.Create request) {
		AgentProfile agent = (request.agentId() != null) ? this.agents.findVisible(request.agentId())
			.orElseThrow(() -> ProblemException.of(AgentProblem.AGENT_NOT_FOUND, "No agent " + request.agentId()))
				: this.agents.defaultAgent();
		Optional<SavedContext> context = Optional.empty();
		if (request.contextId() != null) {
			context = Optional.of(this.contexts.find(request.contextId())
				.orElseThrow(() -> ProblemException.of(AgentProblem.CONTEXT_NOT_FOUND,
						"No saved context " + request.contextId())));
		}
		String systemPrompt = request.systemPrompt();
		if (systemPrompt == null) {
			systemPrompt = context.map(SavedContext::systemPrompt).orElse(agent.systemPrompt());
		}
		if (systemPrompt == null) {
			systemPrompt = this.contexts.defaultContext().map(SavedContext::systemPrompt).orElse(null);
		}
		List<PresetMessage> presets = (request.presetMessages() != null) ? request.presetMessages()
				: agent.presetMessages()
					.stream()
					.map((message) -> new PresetMessage(MessageRole.valueOf(message.role().toUpperCase(Locale.ROOT)),
							message.content()))
					.toList();
		Conversation conversation = this.conversations.create(request.title(), agent.id(), systemPrompt, presets);
		return new Started(conversation, agent);
	}

	/** A conversation just created and the agent it started from. */
	record Started(Conversation conversation, AgentProfile agent) {
	}

}

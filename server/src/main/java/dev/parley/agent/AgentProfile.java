package dev.parley.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.provider.ModelParams;
import dev.parley.provider.Route;

/**
 * What the rest of Parley needs to know about an agent to chat with it: its route (empty
 * means the provider catalog's default route, see {@link AgentCatalog#routeOf}), model
 * parameters, prompt, presets and what a client shows before the first message.
 */
public record AgentProfile(UUID id, String name, String description, String avatarUrl, Route route, ModelParams params,
		String systemPrompt, List<AgentMessage> presetMessages, List<String> greetings, List<String> suggestedQuestions,
		boolean cacheEnabled, Instant updatedAt) {

	public AgentProfile {
		presetMessages = List.copyOf(presetMessages);
		greetings = List.copyOf(greetings);
		suggestedQuestions = List.copyOf(suggestedQuestions);
	}

}

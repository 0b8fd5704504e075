package dev.parley.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.provider.ModelParams;

/**
 * An agent as the API shows it. The route names providers by id only: no provider secret
 * ever appears here.
 */
record AgentView(UUID id, String ownerId, String name, String description, String avatarUrl, List<TargetView> route,
		ParamsView params, String systemPrompt, List<AgentMessage> presetMessages, List<String> greetings,
		List<String> suggestedQuestions, Visibility visibility, List<Audience> visibleRoles, boolean cacheEnabled,
		boolean isDefault, Instant createdAt, Instant updatedAt) {

	static AgentView of(Agent agent) {
		ModelParams params = agent.params();
		return new AgentView(agent.id(), agent.ownerId(), agent.name(), agent.description(), agent.avatarUrl(),
				agent.route()
					.stream()
					.map((target) -> new TargetView(target.providerId(), target.model(), target.weight()))
					.toList(),
				new ParamsView(params.temperature(), params.topP(), params.maxTokens(), params.stop()),
				agent.systemPrompt(), agent.presetMessages(), agent.greetings(), agent.suggestedQuestions(),
				agent.visibility(), agent.visibleRoles().stream().sorted().toList(), agent.cacheEnabled(),
				agent.isDefault(), agent.createdAt(), agent.updatedAt());
	}

	/** One target of the route. */
	record TargetView(String providerId, String model, int weight) {
	}

	/** The model parameters; null means the provider's default. */
	record ParamsView(Double temperature, Double topP, Integer maxTokens, List<String> stop) {
	}

}

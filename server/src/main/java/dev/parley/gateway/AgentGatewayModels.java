package dev.parley.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.parley.agent.AgentCatalog;
import dev.parley.agent.AgentProfile;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ProviderCatalog;

/**
 * The gateway's models: the agents the caller may use (by id or name; listed by name),
 * then the provider catalog's plain model names. An agent brings its route, parameters,
 * system prompt and preset messages, and its response cache when it has one on.
 */
@Component
class AgentGatewayModels implements GatewayModels {

	private final AgentCatalog agents;

	private final CatalogGatewayModels plain;

	AgentGatewayModels(AgentCatalog agents, ProviderCatalog providers) {
		this.agents = agents;
		this.plain = new CatalogGatewayModels(providers);
	}

	@Override
	public Optional<GatewayModel> find(String idOrName) {
		if (idOrName == null || idOrName.isBlank()) {
			return Optional.empty();
		}
		Optional<GatewayModel> agent = this.agents.findVisibleByIdOrName(idOrName.strip()).map(this::model);
		return agent.isPresent() ? agent : this.plain.find(idOrName);
	}

	@Override
	public List<GatewayModel> list() {
		List<GatewayModel> models = new ArrayList<>();
		this.agents.visibleAgents().stream().map(this::model).forEach(models::add);
		models.addAll(this.plain.list());
		return models;
	}

	private GatewayModel model(AgentProfile agent) {
		List<ChatMessage> prelude = new ArrayList<>();
		if (agent.systemPrompt() != null && !agent.systemPrompt().isBlank()) {
			prelude.add(new ChatMessage("system", agent.systemPrompt()));
		}
		agent.presetMessages().forEach((m) -> prelude.add(new ChatMessage(m.role(), m.content())));
		String cacheScope = agent.cacheEnabled() ? "agent:" + agent.id() + "@" + agent.updatedAt() : null;
		return new GatewayModel(agent.name(), agent.name(), this.agents.routeOf(agent), agent.params(), prelude,
				cacheScope, agent.id());
	}

}

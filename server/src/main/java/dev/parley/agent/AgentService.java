package dev.parley.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.parley.agent.AgentRequests.Body;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.Page;
import dev.parley.platform.audit.AuditLogRepository;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ModelParams;
import dev.parley.provider.ProviderCatalog;

/** The agents API's use cases, each for the current user. */
@Service
class AgentService {

	private final AgentRepository agents;

	private final DefaultAgentCatalog catalog;

	private final ProviderCatalog providers;

	private final CurrentUser currentUser;

	private final IdGenerator ids;

	private final AuditLogRepository audit;

	private final Clock clock;

	AgentService(AgentRepository agents, DefaultAgentCatalog catalog, ProviderCatalog providers,
			CurrentUser currentUser, IdGenerator ids, AuditLogRepository audit, Clock clock) {
		this.agents = agents;
		this.catalog = catalog;
		this.providers = providers;
		this.currentUser = currentUser;
		this.ids = ids;
		this.audit = audit;
		this.clock = clock;
	}

	/** A page of the agents the caller may see (an administrator sees every agent). */
	Page<Agent> list(AgentCursor after, int limit) {
		return this.agents.page(this.currentUser.admin() ? null : this.currentUser.id(), this.currentUser.role(), after,
				limit);
	}

	Agent get(UUID id) {
		return this.agents.find(id)
			.filter((agent) -> agent.visibleTo(this.currentUser))
			.orElseThrow(() -> notFound(id));
	}

	Agent create(Body body) {
		if (body.name() == null) {
			throw ProblemException.invalid("name", "is required");
		}
		AgentRules.checkAdminOnlyFields(body, this.currentUser);
		if (!this.currentUser.admin()
				&& this.agents.countOwnedBy(this.currentUser.id()) >= AgentLimits.OWNED_AGENTS_MAX) {
			throw ProblemException.of(AgentProblem.TOO_MANY_AGENTS,
					"A user owns at most " + AgentLimits.OWNED_AGENTS_MAX + " agents; delete one to make room");
		}
		Instant now = Jdbc.now(this.clock);
		Visibility visibility = (body.visibility() != null) ? body.visibility() : Visibility.PRIVATE;
		Agent agent = new Agent(this.ids.next(), this.currentUser.id(), AgentRules.name(body.name()),
				AgentRules.text(body.description()), AgentRules.text(body.avatarUrl()),
				AgentRules.route(orEmpty(body.route()), this.providers), params(body.params()),
				AgentRules.text(body.systemPrompt()), presets(orEmpty(body.presetMessages())),
				orEmpty(body.greetings()), orEmpty(body.suggestedQuestions()), visibility,
				AgentRules.visibleRoles(visibility, roles(body.visibleRoles())),
				Boolean.TRUE.equals(body.cacheEnabled()), false, now, now);
		checkNameFree(agent);
		try {
			this.agents.insert(agent);
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(agent.name());
		}
		this.catalog.evictAll();
		audit("agent.create", agent);
		return agent;
	}

	Agent update(UUID id, Body body) {
		Agent current = editable(id);
		AgentRules.checkAdminOnlyFields(body, this.currentUser);
		Visibility visibility = (body.visibility() != null) ? body.visibility() : current.visibility();
		if (current.isDefault() && visibility != Visibility.PUBLIC) {
			throw ProblemException.invalid("visibility", "the default agent is always public");
		}
		Set<Audience> roles = (body.visibleRoles() != null) ? roles(body.visibleRoles())
				: ((visibility == Visibility.ROLES) ? current.visibleRoles() : Set.of());
		Agent agent = new Agent(id, current.ownerId(),
				(body.name() != null) ? AgentRules.name(body.name()) : current.name(),
				(body.description() != null) ? AgentRules.text(body.description()) : current.description(),
				(body.avatarUrl() != null) ? AgentRules.text(body.avatarUrl()) : current.avatarUrl(),
				(body.route() != null) ? AgentRules.route(body.route(), this.providers) : current.route(),
				(body.params() != null) ? params(body.params()) : current.params(),
				(body.systemPrompt() != null) ? AgentRules.text(body.systemPrompt()) : current.systemPrompt(),
				(body.presetMessages() != null) ? presets(body.presetMessages()) : current.presetMessages(),
				(body.greetings() != null) ? body.greetings() : current.greetings(),
				(body.suggestedQuestions() != null) ? body.suggestedQuestions() : current.suggestedQuestions(),
				visibility, AgentRules.visibleRoles(visibility, roles),
				(body.cacheEnabled() != null) ? body.cacheEnabled() : current.cacheEnabled(), current.isDefault(),
				current.createdAt(), Jdbc.now(this.clock));
		checkNameFree(agent);
		try {
			if (!this.agents.update(agent)) {
				throw notFound(id);
			}
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(agent.name());
		}
		this.catalog.evictAll();
		audit("agent.update", agent);
		return agent;
	}

	void delete(UUID id) {
		Agent agent = editable(id);
		if (agent.isDefault()) {
			throw ProblemException.of(AgentProblem.DEFAULT_AGENT_UNDELETABLE,
					"The default agent cannot be deleted; edit it instead");
		}
		this.agents.delete(id);
		this.catalog.evictAll();
		audit("agent.delete", agent);
	}

	/**
	 * What an administrator does to agents is audited; a user's own private agents are
	 * their content, not an administrative action.
	 */
	private void audit(String action, Agent agent) {
		if (this.currentUser.admin()) {
			this.audit.record(this.currentUser.id(), action, "agent", agent.id().toString(),
					agent.name() + " (" + agent.visibility().name().toLowerCase(Locale.ROOT) + ")");
		}
	}

	/**
	 * The agent, if the caller may see it (404 otherwise) and change it (403 otherwise).
	 */
	private Agent editable(UUID id) {
		Agent agent = get(id);
		if (!this.currentUser.admin() && !agent.ownedBy(this.currentUser)) {
			throw ProblemException.of(CommonProblem.FORBIDDEN,
					"Only the owner or an administrator may change agent " + id);
		}
		return agent;
	}

	private void checkNameFree(Agent agent) {
		this.agents.findByName(agent.name()).filter((other) -> !other.id().equals(agent.id())).ifPresent((other) -> {
			throw nameTaken(agent.name());
		});
	}

	private static ModelParams params(AgentRequests.Params params) {
		if (params == null) {
			return ModelParams.NONE;
		}
		return new ModelParams(params.temperature(), params.topP(), params.maxTokens(),
				(params.stop() != null) ? List.copyOf(params.stop()) : null);
	}

	private static List<AgentMessage> presets(List<AgentRequests.Preset> presets) {
		return presets.stream()
			.map((preset) -> new AgentMessage(preset.role().name().toLowerCase(Locale.ROOT), preset.content()))
			.toList();
	}

	private static Set<Audience> roles(List<Audience> roles) {
		return (roles == null || roles.isEmpty()) ? Set.of() : EnumSet.copyOf(roles);
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static ProblemException nameTaken(String name) {
		return ProblemException.of(AgentProblem.AGENT_NAME_TAKEN, "An agent named '" + name + "' exists already");
	}

	private static ProblemException notFound(UUID id) {
		return ProblemException.of(AgentProblem.AGENT_NOT_FOUND, "No agent " + id);
	}

}

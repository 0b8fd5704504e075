package dev.parley.agent;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.stereotype.Component;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.VirtualThreads;
import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.Route;

/**
 * The agent catalog on the database, with lookups by id and name cached for a few seconds
 * (so a change made on another instance shows here within that time; one made here shows
 * at once).
 */
@Component
class DefaultAgentCatalog implements AgentCatalog {

	/** How long a cached agent may be stale when another instance changes it. */
	static final Duration CACHE_TTL = Duration.ofSeconds(3);

	private final AgentRepository agents;

	private final DefaultAgent defaultAgent;

	private final ProviderCatalog providers;

	private final CurrentUser currentUser;

	// Refreshed in the background once older than CACHE_TTL: a read after that gets the
	// cached agent at once while one reload runs, instead of every reader of a popular
	// agent waiting for the database (which, under load, waits for a pooled connection).
	private final LoadingCache<UUID, Optional<Agent>> byId;

	private final LoadingCache<String, Optional<Agent>> byName;

	DefaultAgentCatalog(AgentRepository agents, DefaultAgent defaultAgent, ProviderCatalog providers,
			CurrentUser currentUser) {
		this.agents = agents;
		this.defaultAgent = defaultAgent;
		this.providers = providers;
		this.currentUser = currentUser;
		this.byId = cache(agents::find);
		this.byName = cache(agents::findByName);
	}

	private static <K> LoadingCache<K, Optional<Agent>> cache(CacheLoader<K, Optional<Agent>> loader) {
		// Refreshes read the database: on virtual threads, not the common pool.
		return Caffeine.newBuilder()
			.executor(VirtualThreads.executor("agent-refresh"))
			.refreshAfterWrite(CACHE_TTL)
			.expireAfterWrite(CACHE_TTL.multipliedBy(10))
			.maximumSize(10_000)
			.build(loader);
	}

	@Override
	public Optional<AgentProfile> findVisible(UUID id) {
		return agent(id).filter((agent) -> agent.visibleTo(this.currentUser)).map(Agent::profile);
	}

	@Override
	public Optional<AgentProfile> findVisibleByIdOrName(String idOrName) {
		if (idOrName == null || idOrName.isBlank()) {
			return Optional.empty();
		}
		UUID id = AgentNames.asUuid(idOrName.strip());
		if (id != null) {
			return findVisible(id);
		}
		String key = AgentNames.key(idOrName);
		return this.byName.get(key).filter((agent) -> agent.visibleTo(this.currentUser)).map(Agent::profile);
	}

	@Override
	public List<AgentProfile> visibleAgents() {
		List<Agent> visible = this.currentUser.admin() ? this.agents.all()
				: this.agents.visibleTo(this.currentUser.id(), this.currentUser.role());
		return visible.stream().map(Agent::profile).toList();
	}

	@Override
	public Optional<AgentProfile> find(UUID id) {
		return agent(id).map(Agent::profile);
	}

	@Override
	public AgentProfile defaultAgent() {
		return this.defaultAgent.current().profile();
	}

	@Override
	public Route routeOf(AgentProfile agent) {
		return agent.route().targets().isEmpty() ? this.providers.defaultRoute() : agent.route();
	}

	/** Forgets every cached agent, after a change made on this instance. */
	void evictAll() {
		this.byId.invalidateAll();
		this.byName.invalidateAll();
		this.defaultAgent.evict();
	}

	private Optional<Agent> agent(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return this.byId.get(id);
	}

}

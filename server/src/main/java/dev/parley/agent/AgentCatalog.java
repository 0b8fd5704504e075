package dev.parley.agent;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.provider.Route;

/**
 * The agents conversations, chat and the gateway start from. Lookups are cached for a few
 * seconds; a change made on any instance shows everywhere within seconds.
 */
public interface AgentCatalog {

	/** The agent with this id, if the current user may see it. */
	Optional<AgentProfile> findVisible(UUID id);

	/**
	 * The agent with this id (a UUID) or name (ignoring case), if the current user may
	 * see it.
	 */
	Optional<AgentProfile> findVisibleByIdOrName(String idOrName);

	/** The agents the current user may see, the default agent first. */
	List<AgentProfile> visibleAgents();

	/**
	 * The agent with this id without any visibility check, for a conversation already
	 * bound to it.
	 */
	Optional<AgentProfile> find(UUID id);

	/** The default agent, which always exists. */
	AgentProfile defaultAgent();

	/** The agent's route, or the provider catalog's default route when it has none. */
	Route routeOf(AgentProfile agent);

}

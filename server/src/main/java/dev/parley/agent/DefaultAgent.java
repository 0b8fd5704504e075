package dev.parley.agent;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.parley.platform.persistence.Jdbc;
import dev.parley.provider.ModelParams;

/**
 * The agent a conversation gets when it names none. Created before the application serves
 * requests when no agent is marked default: one well-known row, so instances starting
 * together insert it once and the others' duplicate inserts are ignored.
 */
@Component
class DefaultAgent implements SmartInitializingSingleton {

	/** The id of the agent created when none is marked default. */
	static final UUID WELL_KNOWN_ID = UUID.fromString("00000000-0000-7000-8000-000000000001");

	private static final Logger log = LoggerFactory.getLogger(DefaultAgent.class);

	private static final Duration TTL = DefaultAgentCatalog.CACHE_TTL;

	private final AgentRepository agents;

	private final AtomicReference<Cached> cached = new AtomicReference<>();

	private final Clock clock;

	DefaultAgent(AgentRepository agents, Clock clock) {
		this.agents = agents;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ensure();
	}

	/** Creates the default agent unless one is marked default already. */
	void ensure() {
		if (this.agents.findDefault().isPresent()) {
			return;
		}
		var now = Jdbc.now(this.clock);
		Agent agent = new Agent(WELL_KNOWN_ID, null, "Default", "A helpful general-purpose assistant.", null, List.of(),
				ModelParams.NONE, null, List.of(), List.of("Hello! How can I help you today?"),
				List.of("What can you help me with?", "Explain a concept in simple terms",
						"Help me write a short e-mail", "Summarize a text for me"),
				Visibility.PUBLIC, Set.of(), false, true, now, now);
		try {
			this.agents.insert(agent);
			log.info("Created the default agent '{}' ({})", agent.name(), agent.id());
		}
		catch (DuplicateKeyException ex) {
			if (this.agents.findDefault().isEmpty()) {
				log.warn("Cannot create the default agent: an agent named '{}' exists and none is marked default",
						agent.name());
			}
		}
	}

	/** The default agent, read at most every few seconds. */
	Agent current() {
		Cached current = this.cached.get();
		if (current != null && current.expiresAt() > System.nanoTime()) {
			return current.agent();
		}
		Agent agent = this.agents.findDefault().orElseGet(() -> {
			ensure();
			return this.agents.findDefault().orElseThrow(() -> new IllegalStateException("No default agent"));
		});
		this.cached.set(new Cached(agent, System.nanoTime() + TTL.toNanos()));
		return agent;
	}

	void evict() {
		this.cached.set(null);
	}

	private record Cached(Agent agent, long expiresAt) {
	}

}

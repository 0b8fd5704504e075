package dev.parley.chat.generation;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The generations running on this instance, by conversation. */
@Component
class GenerationRegistry {

	private final ConcurrentHashMap<UUID, RunningGeneration> byConversation = new ConcurrentHashMap<>();

	void add(RunningGeneration generation) {
		this.byConversation.put(generation.conversationId(), generation);
	}

	void remove(RunningGeneration generation) {
		this.byConversation.remove(generation.conversationId(), generation);
	}

	Optional<RunningGeneration> find(UUID conversationId) {
		return Optional.ofNullable(this.byConversation.get(conversationId));
	}

	Collection<RunningGeneration> all() {
		return this.byConversation.values();
	}

}

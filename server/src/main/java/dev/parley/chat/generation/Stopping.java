package dev.parley.chat.generation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stop on its way: to a generation running on this instance ({@code here}), or relayed
 * to the instance running generation {@code generationId}.
 */
record Stopping(@Nullable RunningGeneration here, UUID conversationId, UUID generationId) {

	static Stopping here(RunningGeneration generation) {
		return new Stopping(generation, generation.conversationId(), generation.id());
	}

	static Stopping elsewhere(UUID conversationId, UUID generationId) {
		return new Stopping(null, conversationId, generationId);
	}

}

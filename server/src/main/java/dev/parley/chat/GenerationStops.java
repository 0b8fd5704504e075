package dev.parley.chat;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Stop requests between instances: a stop that reaches an instance not running the
 * conversation's generation is relayed to the one that does. A seam for scale-out:
 * nothing to relay on a single instance, Redis pub/sub in a cluster.
 */
public interface GenerationStops {

	/** A single instance: every running generation is local. */
	GenerationStops NONE = new GenerationStops() {
		@Override
		public boolean relay(UUID conversationId) {
			return false;
		}

		@Override
		public void onStop(Consumer<UUID> stopHere) {
		}
	};

	/**
	 * Asks every other instance to stop the conversation's generation if it runs there.
	 * @return false when the request could not be sent
	 */
	boolean relay(UUID conversationId);

	/** Registers what stops a generation running here, given its conversation. */
	void onStop(Consumer<UUID> stopHere);

}

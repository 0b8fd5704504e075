package dev.parley.realtime;

import java.util.function.Consumer;

/**
 * Fan-out of conversation events to the subscribers of every instance. A seam for
 * scale-out: in-process here, Redis pub/sub in a cluster.
 */
public interface ConversationEvents {

	/**
	 * Publishes an event; it reaches the listeners of every instance, this one included.
	 * Never blocks on the subscribers and never throws because of them.
	 */
	void publish(ConversationEvent event);

	/** Registers a listener of the events published from now on, on any instance. */
	void listen(Consumer<ConversationEvent> listener);

}

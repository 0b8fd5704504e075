package dev.parley.realtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-instance {@link ConversationEvents}: listeners called in the publisher's
 * thread.
 */
public final class LocalConversationEvents implements ConversationEvents {

	private static final Logger log = LoggerFactory.getLogger(LocalConversationEvents.class);

	private final List<Consumer<ConversationEvent>> listeners = new CopyOnWriteArrayList<>();

	@Override
	public void publish(ConversationEvent event) {
		for (Consumer<ConversationEvent> listener : this.listeners) {
			try {
				listener.accept(event);
			}
			catch (RuntimeException ex) {
				log.warn("A listener of {} failed", event.type(), ex);
			}
		}
	}

	@Override
	public void listen(Consumer<ConversationEvent> listener) {
		this.listeners.add(listener);
	}

}

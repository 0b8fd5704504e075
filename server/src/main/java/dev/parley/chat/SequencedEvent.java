package dev.parley.chat;

import java.util.UUID;

/**
 * An event with its position in its generation's log; {@link #eventId()} is the SSE
 * {@code id} that a client sends back as {@code Last-Event-ID} to resume.
 */
public record SequencedEvent(UUID generationId, long seq, ChatEvent event) {

	public String eventId() {
		return EventId.format(this.generationId, this.seq);
	}

	public boolean terminal() {
		return this.event.terminal();
	}

}

package dev.parley.chat.stream;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import dev.parley.chat.ChatEventJson;
import dev.parley.chat.SequencedEvent;

/**
 * Renders events as SSE frames: {@code id: <id>} and one {@code data:} line holding the
 * envelope {@code {"type": ..., "data": {...}}}.
 */
@Component
class EventFrames {

	static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

	private final ChatEventJson json;

	EventFrames(ChatEventJson json) {
		this.json = json;
	}

	void appendFrame(StringBuilder out, SequencedEvent event) {
		out.append("id: ").append(event.eventId()).append('\n').append("data: ");
		out.append(this.json.envelope(event.event())).append("\n\n");
	}

}

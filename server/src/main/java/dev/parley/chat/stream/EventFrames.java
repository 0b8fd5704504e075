package dev.parley.chat.stream;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.SequencedEvent;

/**
 * Renders events as SSE frames: {@code id: <id>} and one {@code data:} line holding the
 * envelope {@code {"type": ..., "data": {...}}}. Chunks, the hot path, are written
 * without a mapper.
 */
@Component
class EventFrames {

	static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

	static final byte[] RETRY = "retry: 2000\n\n".getBytes(StandardCharsets.UTF_8);

	private final JsonMapper json;

	EventFrames(JsonMapper json) {
		this.json = json;
	}

	/** The envelope as JSON, the {@code data:} line of an SSE frame. */
	String envelope(ChatEvent event) {
		if (event instanceof ChatEvent.Chunk chunk) {
			StringBuilder out = new StringBuilder(chunk.content().length() + 40);
			out.append("{\"type\":\"chunk\",\"data\":{\"content\":\"");
			JsonStringEncoder.getInstance().quoteAsString(chunk.content(), out);
			return out.append("\"}}").toString();
		}
		return "{\"type\":\"" + event.type() + "\",\"data\":" + this.json.writeValueAsString(event) + "}";
	}

	void appendFrame(StringBuilder out, SequencedEvent event) {
		appendFrame(out, event.eventId(), event.event());
	}

	void appendFrame(StringBuilder out, String id, ChatEvent event) {
		out.append("id: ").append(id).append('\n').append("data: ").append(envelope(event)).append("\n\n");
	}

}

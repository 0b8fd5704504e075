package dev.parley.chat;

import org.springframework.stereotype.Component;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of stream events, shared by every channel that carries them (SSE, WebSocket):
 * the {@code data} of an event and the envelope {@code {"type": ..., "data": {...}}}.
 * Chunks, the hot path, are written without a mapper.
 */
@Component
public class ChatEventJson {

	private final JsonMapper json;

	ChatEventJson(JsonMapper json) {
		this.json = json;
	}

	/** The envelope as JSON, the {@code data:} line of an SSE frame. */
	public String envelope(ChatEvent event) {
		StringBuilder out = new StringBuilder(estimate(event));
		out.append("{\"type\":\"").append(event.type()).append("\",\"data\":");
		appendData(out, event);
		return out.append('}').toString();
	}

	/** Appends the event's {@code data} object. */
	public void appendData(StringBuilder out, ChatEvent event) {
		if (event instanceof ChatEvent.Chunk chunk) {
			out.append("{\"content\":\"");
			JsonStringEncoder.getInstance().quoteAsString(chunk.content(), out);
			out.append("\"}");
			return;
		}
		out.append(this.json.writeValueAsString(event));
	}

	private static int estimate(ChatEvent event) {
		return (event instanceof ChatEvent.Chunk chunk) ? chunk.content().length() + 40 : 256;
	}

}

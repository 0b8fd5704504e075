package dev.parley.chat.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.parley.chat.ChatEvent;

/**
 * Events as the fields of a stream entry: a chunk is its text under {@code c} (the common
 * case, no JSON), the others are JSON under {@code s} (start), {@code e} (end), {@code x}
 * (error) or {@code xa} (the error that another instance wrote for a generation whose
 * instance is gone).
 */
final class EventCodec {

	static final String ABANDONED = "xa";

	private final JsonMapper json;

	EventCodec(JsonMapper json) {
		this.json = json;
	}

	Map<String, byte[]> encode(ChatEvent event) {
		return switch (event) {
			case ChatEvent.Chunk chunk -> Map.of("c", chunk.content().getBytes(StandardCharsets.UTF_8));
			case ChatEvent.Start start -> Map.of("s", this.json.writeValueAsBytes(start));
			case ChatEvent.End end -> Map.of("e", this.json.writeValueAsBytes(end));
			case ChatEvent.Error error -> Map.of("x", this.json.writeValueAsBytes(error));
		};
	}

	/** The terminal event of an abandoned generation, as another instance writes it. */
	Map<String, byte[]> encodeAbandoned(ChatEvent.Error error) {
		return Map.of(ABANDONED, this.json.writeValueAsBytes(error));
	}

	/** Whether the entry is the terminal event of an abandoned generation. */
	static boolean abandoned(Map<String, byte[]> fields) {
		return fields.containsKey(ABANDONED);
	}

	ChatEvent decode(Map<String, byte[]> fields) {
		byte[] chunk = fields.get("c");
		if (chunk != null) {
			return new ChatEvent.Chunk(new String(chunk, StandardCharsets.UTF_8));
		}
		if (fields.containsKey("s")) {
			return this.json.readValue(fields.get("s"), ChatEvent.Start.class);
		}
		if (fields.containsKey("e")) {
			return this.json.readValue(fields.get("e"), ChatEvent.End.class);
		}
		if (fields.containsKey("x")) {
			return this.json.readValue(fields.get("x"), ChatEvent.Error.class);
		}
		if (fields.containsKey(ABANDONED)) {
			return this.json.readValue(fields.get(ABANDONED), ChatEvent.Error.class);
		}
		throw new IllegalArgumentException("Not an event entry: fields " + fields.keySet());
	}

}

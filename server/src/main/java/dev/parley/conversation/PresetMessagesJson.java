package dev.parley.conversation;

import java.util.List;
import java.util.Locale;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of preset messages, {@code [{"role":"user","content":"..."}]}, fixed
 * here rather than by the web layer's JSON settings so that stored rows never change
 * shape.
 */
final class PresetMessagesJson {

	private static final TypeReference<List<Stored>> LIST = new TypeReference<>() {
	};

	private final JsonMapper mapper;

	/**
	 * Preset messages written with the storage mapper.
	 * @param mapper the storage mapper
	 */
	PresetMessagesJson(JsonMapper mapper) {
		this.mapper = mapper;
	}

	String write(List<PresetMessage> messages) {
		if (messages == null || messages.isEmpty()) {
			return "[]";
		}
		return this.mapper.writeValueAsString(messages.stream()
			.map((message) -> new Stored(message.role().name().toLowerCase(Locale.ROOT), message.content()))
			.toList());
	}

	List<PresetMessage> read(String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		return this.mapper.readValue(json, LIST)
			.stream()
			.map((stored) -> new PresetMessage(MessageRole.valueOf(stored.role().toUpperCase(Locale.ROOT)),
					stored.content()))
			.toList();
	}

	private record Stored(String role, String content) {
	}

}

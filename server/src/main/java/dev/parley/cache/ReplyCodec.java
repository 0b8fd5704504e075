package dev.parley.cache;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a cached reply in Redis, with fixed snake_case names (independent of
 * the application's Jackson settings, so every instance and version reads the same),
 * written through the storage mapper.
 */
final class ReplyCodec {

	private final JsonMapper mapper;

	/**
	 * A codec writing JSON with the storage mapper.
	 * @param mapper the storage mapper
	 */
	ReplyCodec(JsonMapper mapper) {
		this.mapper = mapper;
	}

	byte[] encode(CachedReply reply) {
		ObjectNode json = this.mapper.createObjectNode();
		json.put("content", reply.content());
		json.put("finish_reason", reply.finishReason());
		json.put("prompt_tokens", reply.promptTokens());
		json.put("completion_tokens", reply.completionTokens());
		json.put("model", reply.model());
		json.put("provider", reply.provider());
		return this.mapper.writeValueAsBytes(json);
	}

	/** The reply in {@code bytes}, or empty when they are not one (never throws). */
	Optional<CachedReply> decode(byte[] bytes) {
		try {
			JsonNode json = this.mapper.readTree(bytes);
			JsonNode content = json.get("content");
			if (content == null || !content.isString()) {
				return Optional.empty();
			}
			return Optional.of(new CachedReply(content.asString(), text(json, "finish_reason"),
					json.path("prompt_tokens").asInt(0), json.path("completion_tokens").asInt(0), text(json, "model"),
					text(json, "provider")));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static String text(JsonNode json, String name) {
		JsonNode value = json.get(name);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}

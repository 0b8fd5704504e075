package dev.parley.provider;

import tools.jackson.databind.JsonNode;

/**
 * One message of the context sent to a model; role is {@code system}, {@code user},
 * {@code assistant} (or {@code tool} from the gateway). {@code raw} is the message
 * exactly as a gateway client sent it (content parts, tool calls, ...), which
 * OpenAI-compatible upstreams receive unchanged; null for messages Parley built.
 */
public record ChatMessage(String role, String content, JsonNode raw) {

	public ChatMessage(String role, String content) {
		this(role, content, null);
	}

}

package dev.parley.gateway;

import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.privacy.MessageMasking;
import dev.parley.provider.ChatMessage;

/**
 * Applies the operator's masking for providers ({@code parley.privacy.masking}) to a
 * gateway call's messages: the text Parley reads and the message as the client sent it (a
 * string content, or the text of each content part). Other fields pass unchanged.
 */
@Component
class ProviderMasking {

	private final MessageMasking masking;

	ProviderMasking(MessageMasking masking) {
		this.masking = masking;
	}

	List<ChatMessage> apply(List<ChatMessage> messages) {
		return messages.stream().map(this::masked).toList();
	}

	private ChatMessage masked(ChatMessage message) {
		String content = this.masking.forProvider(message.content());
		if (content.equals(message.content())) {
			return message;
		}
		return new ChatMessage(message.role(), content, (message.raw() != null) ? maskedRaw(message.raw()) : null);
	}

	private JsonNode maskedRaw(JsonNode raw) {
		ObjectNode copy = ((ObjectNode) raw).deepCopy();
		JsonNode content = copy.get("content");
		if (content != null && content.isString()) {
			copy.put("content", this.masking.forProvider(content.asString()));
		}
		else if (content != null && content.isArray()) {
			for (JsonNode part : content) {
				JsonNode text = part.get("text");
				if (part.isObject() && text != null && text.isString()) {
					((ObjectNode) part).put("text", this.masking.forProvider(text.asString()));
				}
			}
		}
		return copy;
	}

}

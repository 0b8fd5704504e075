package dev.parley.bench.sim;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One chat completions request as the simulator received it, so tests can check what was
 * sent to the model.
 *
 * @param model the model name as sent (query part included)
 * @param stream whether a stream was asked for
 * @param messages the messages, in order
 * @param maxTokens {@code max_tokens} (or {@code max_completion_tokens}), or null
 * @param body the raw JSON body
 */
public record RecordedRequest(String model, boolean stream, List<Message> messages, Integer maxTokens, String body) {

	/** One message of the request; content is the text (text parts joined). */
	public record Message(String role, String content) {
	}

	/** The content of the last message with role {@code user}, or null. */
	public String lastUserMessage() {
		for (int i = this.messages.size() - 1; i >= 0; i--) {
			if ("user".equals(this.messages.get(i).role())) {
				return this.messages.get(i).content();
			}
		}
		return null;
	}

	static RecordedRequest of(JsonNode json, String body) {
		List<Message> messages = new ArrayList<>();
		for (JsonNode message : json.path("messages")) {
			messages.add(new Message(message.path("role").asString(""), text(message.path("content"))));
		}
		JsonNode max = json.hasNonNull("max_tokens") ? json.get("max_tokens") : json.get("max_completion_tokens");
		Integer maxTokens = (max != null && max.isIntegralNumber()) ? max.asInt() : null;
		return new RecordedRequest(json.path("model").asString(""), json.path("stream").asBoolean(false),
				List.copyOf(messages), maxTokens, body);
	}

	private static String text(JsonNode content) {
		if (content.isString()) {
			return content.asString();
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content) {
			text.append(part.path("text").asString(""));
		}
		return text.toString();
	}

	/** A rough prompt token count: the words of all messages. */
	int promptWords() {
		int words = 0;
		for (Message message : this.messages) {
			boolean inWord = false;
			String content = message.content();
			for (int i = 0; i < content.length(); i++) {
				boolean space = Character.isWhitespace(content.charAt(i));
				if (!space && !inWord) {
					words++;
				}
				inWord = !space;
			}
		}
		return words;
	}

}

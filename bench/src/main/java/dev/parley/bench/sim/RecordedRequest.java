package dev.parley.bench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.Headers;
import tools.jackson.databind.JsonNode;

/**
 * One chat request as the simulator received it (OpenAI chat completions or Anthropic
 * Messages), so tests can check what was sent to the model.
 *
 * @param model the model name as sent (query part included)
 * @param stream whether a stream was asked for
 * @param messages the messages, in order (for Anthropic without the top-level system)
 * @param maxTokens {@code max_tokens} (or {@code max_completion_tokens}), or null
 * @param body the raw JSON body
 * @param protocol {@link #OPENAI} or {@link #ANTHROPIC}
 * @param system Anthropic's top-level {@code system} text (text blocks joined), or null
 * @param headers the request headers, names in lower case, first value of each
 */
public record RecordedRequest(String model, boolean stream, List<Message> messages, Integer maxTokens, String body,
		String protocol, String system, Map<String, String> headers) {

	/** {@code POST /v1/chat/completions}. */
	public static final String OPENAI = "openai";

	/** {@code POST /v1/messages}. */
	public static final String ANTHROPIC = "anthropic";

	/** An OpenAI request without recorded headers. */
	public RecordedRequest(String model, boolean stream, List<Message> messages, Integer maxTokens, String body) {
		this(model, stream, messages, maxTokens, body, OPENAI, null, Map.of());
	}

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

	/** The first value of a request header (name in any case), or null. */
	public String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	static RecordedRequest of(JsonNode json, String body) {
		return of(json, body, OPENAI, null);
	}

	static RecordedRequest of(JsonNode json, String body, String protocol, Headers headers) {
		List<Message> messages = new ArrayList<>();
		for (JsonNode message : json.path("messages")) {
			messages.add(new Message(message.path("role").asString(""), text(message.path("content"))));
		}
		JsonNode max = json.hasNonNull("max_tokens") ? json.get("max_tokens") : json.get("max_completion_tokens");
		Integer maxTokens = (max != null && max.isIntegralNumber()) ? max.asInt() : null;
		String system = (ANTHROPIC.equals(protocol) && json.hasNonNull("system")) ? text(json.get("system")) : null;
		return new RecordedRequest(json.path("model").asString(""), json.path("stream").asBoolean(false),
				List.copyOf(messages), maxTokens, body, protocol, system, headerMap(headers));
	}

	private static Map<String, String> headerMap(Headers headers) {
		if (headers == null) {
			return Map.of();
		}
		Map<String, String> map = new TreeMap<>();
		headers.forEach((name, values) -> {
			if (!values.isEmpty()) {
				map.put(name.toLowerCase(Locale.ROOT), values.getFirst());
			}
		});
		return Map.copyOf(map);
	}

	static String text(JsonNode content) {
		if (content.isString()) {
			return content.asString();
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content) {
			text.append(part.path("text").asString(""));
		}
		return text.toString();
	}

	/** A rough prompt token count: the words of all messages and of the system text. */
	int promptWords() {
		int words = (this.system != null) ? words(this.system) : 0;
		for (Message message : this.messages) {
			words += words(message.content());
		}
		return words;
	}

	private static int words(String content) {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < content.length(); i++) {
			boolean space = Character.isWhitespace(content.charAt(i));
			if (!space && !inWord) {
				words++;
			}
			inWord = !space;
		}
		return words;
	}

}

package dev.parley.importing.source;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A ChatGPT message's {@code content} as Parley's text. {@code text} and
 * {@code multimodal_text} keep their text parts (an image becomes {@code [image]}, an
 * audio part its transcript); {@code code} becomes a fenced code block; quotes, browsing
 * results and execution output keep their text. The model's hidden reasoning and the
 * user's custom instructions are no text of the conversation (null).
 */
final class ChatGptContent {

	private ChatGptContent() {
	}

	/** The text, or null when the content has none to show. */
	static @Nullable String text(@Nullable JsonNode content) {
		if (content == null || !content.isObject()) {
			return null;
		}
		String type = ConversationFormat.textOrNull(content.get("content_type"));
		type = (type != null) ? type : "text";
		return switch (type) {
			case "thoughts", "reasoning_recap", "user_editable_context", "model_editable_context" -> null;
			case "code" -> code(content);
			case "tether_quote" ->
				joined(List.of(string(content, "title"), string(content, "text"), string(content, "url")));
			case "tether_browsing_display" -> joined(List.of(string(content, "summary"), string(content, "result")));
			default -> {
				JsonNode parts = content.get("parts");
				if (parts != null && parts.isArray()) {
					yield parts(parts);
				}
				yield joined(List.of(string(content, "text"), string(content, "result")));
			}
		};
	}

	private static @Nullable String code(JsonNode content) {
		String code = string(content, "text");
		if (code == null) {
			return null;
		}
		String language = string(content, "language");
		boolean named = language != null && !language.isBlank() && !"unknown".equals(language)
				&& language.chars().noneMatch(Character::isWhitespace);
		return "```" + (named ? language : "") + "\n" + code + (code.endsWith("\n") ? "" : "\n") + "```";
	}

	private static @Nullable String parts(JsonNode parts) {
		List<@Nullable String> texts = new ArrayList<>(parts.size());
		for (JsonNode part : parts) {
			if (part.isString()) {
				texts.add(part.stringValue());
			}
			else if (part.isObject()) {
				texts.add(part(part));
			}
		}
		return joined(texts);
	}

	private static @Nullable String part(JsonNode part) {
		String type = ConversationFormat.textOrNull(part.get("content_type"));
		String text = string(part, "text");
		if (text != null) {
			return text;
		}
		if (type == null) {
			return null;
		}
		if (type.startsWith("image")) {
			return "[image]";
		}
		if (type.startsWith("audio")) {
			return "[audio]";
		}
		if (type.startsWith("video")) {
			return "[video]";
		}
		return "[" + type + "]";
	}

	private static @Nullable String string(JsonNode node, String name) {
		return ConversationFormat.textOrNull(node.get(name));
	}

	/** The texts that have any, one paragraph each; null when none has. */
	private static @Nullable String joined(List<@Nullable String> texts) {
		StringBuilder joined = new StringBuilder();
		for (String text : texts) {
			if (text != null && !text.isBlank()) {
				if (!joined.isEmpty()) {
					joined.append("\n\n");
				}
				joined.append(text);
			}
		}
		return joined.isEmpty() ? null : joined.toString();
	}

}

package dev.parley.importing.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.parley.conversation.MessageRole;
import dev.parley.conversation.MessageStatus;

/**
 * Open WebUI's chat export: an array of chats whose {@code chat.history.messages} is a
 * tree of messages by id ({@code parentId}, {@code childrenIds}); its forks become Parley
 * branches and {@code currentId} the newest message. A chat without a history falls back
 * to its flat {@code chat.messages}. Times are seconds since 1970 (larger numbers are
 * read as milliseconds or nanoseconds); a message whose parent is missing starts a branch
 * at the top; a reply with an {@code error} is {@code failed}; messages of roles other
 * than user, assistant and system are left out.
 */
final class OpenWebUiFormat implements ConversationFormat {

	@Override
	public SourceFormat format() {
		return SourceFormat.OPENWEBUI;
	}

	@Override
	public SourceConversation read(JsonNode item, Instant fallbackTime) {
		if (!item.isObject()) {
			throw new InvalidConversationException("must be an object");
		}
		String id = Fields.id(item, "id", "id");
		if (id == null) {
			throw Fields.invalid("id", "is required");
		}
		SourceIds.check(id);
		JsonNode chat = item.get("chat");
		if (chat == null || !chat.isObject()) {
			throw Fields.invalid("chat", "must be an object");
		}
		Instant createdAt = Fields.epochInstant(item, "created_at", "created_at");
		createdAt = (createdAt != null) ? createdAt : fallbackTime;
		Instant updatedAt = Fields.epochInstant(item, "updated_at", "updated_at");
		List<SourceMessage> messages = new ArrayList<>();
		JsonNode history = chat.path("history").get("messages");
		String leaf = null;
		if (history != null && history.isObject()) {
			for (Map.Entry<String, JsonNode> entry : history.properties()) {
				add(messages, entry.getKey(), entry.getValue(), Fields.id(entry.getValue(), "parentId",
						"chat.history.messages." + entry.getKey() + ".parentId"), createdAt);
			}
			leaf = Fields.id(chat.get("history"), "currentId", "chat.history.currentId");
		}
		else {
			JsonNode list = chat.get("messages");
			if (list != null && list.isArray()) {
				String previous = null;
				for (int i = 0; i < list.size(); i++) {
					JsonNode message = list.get(i);
					String path = "chat.messages[" + i + "]";
					String messageId = message.isObject() ? Fields.id(message, "id", path + ".id") : null;
					messageId = (messageId != null) ? messageId : "#" + i;
					String parent = (message.isObject() && message.has("parentId"))
							? Fields.id(message, "parentId", path + ".parentId") : previous;
					add(messages, messageId, message, parent, createdAt);
					previous = messageId;
				}
			}
		}
		Instant lastMessage = messages.stream()
			.map(SourceMessage::updatedAt)
			.max(Comparator.naturalOrder())
			.orElse(createdAt);
		String title = Fields.text(item, "title", "title");
		return new SourceConversation(id, (title != null) ? title : Fields.text(chat, "title", "chat.title"), null,
				null, List.of(), Fields.flag(item, "pinned", "pinned"), Fields.flag(item, "archived", "archived"),
				createdAt, (updatedAt != null) ? updatedAt : lastMessage, List.of(), MessageTree.ordered(messages,
						Comparator.comparing(SourceMessage::createdAt).thenComparing(SourceMessage::id), leaf, false));
	}

	private static void add(List<SourceMessage> messages, String id, JsonNode message, @Nullable String parentId,
			Instant conversationCreated) {
		String path = "message '" + id + "'";
		if (!message.isObject()) {
			throw Fields.invalid(path, "must be an object");
		}
		String role = Fields.text(message, "role", path + ".role");
		MessageRole parleyRole = roleOf(role);
		if (parleyRole == null) {
			return;
		}
		String content = content(message.get("content"), path + ".content");
		boolean failed = !Fields.absent(message, "error");
		Instant createdAt = Fields.epochInstant(message, "timestamp", path + ".timestamp");
		createdAt = (createdAt != null) ? createdAt : conversationCreated;
		String model = (parleyRole == MessageRole.ASSISTANT) ? Fields.text(message, "model", path + ".model") : null;
		messages.add(new SourceMessage(id, parentId, parleyRole, content,
				failed ? MessageStatus.FAILED : MessageStatus.COMPLETE, model, null, null, null, null, createdAt,
				createdAt));
	}

	private static @Nullable MessageRole roleOf(@Nullable String role) {
		if (role == null) {
			return null;
		}
		return switch (role) {
			case "user" -> MessageRole.USER;
			case "assistant" -> MessageRole.ASSISTANT;
			case "system" -> MessageRole.SYSTEM;
			default -> null;
		};
	}

	/** A string, or OpenAI-style parts whose text is kept. */
	private static String content(@Nullable JsonNode content, String path) {
		if (content == null || content.isNull()) {
			return "";
		}
		if (content.isString()) {
			return content.stringValue();
		}
		if (content.isArray()) {
			StringBuilder text = new StringBuilder();
			for (JsonNode part : content) {
				String piece = part.isString() ? part.stringValue()
						: ConversationFormat.textOrNull(part.path("text").isMissingNode() ? null : part.get("text"));
				if (piece != null && !piece.isEmpty()) {
					text.append(text.isEmpty() ? "" : "\n\n").append(piece);
				}
			}
			return text.toString();
		}
		throw Fields.invalid(path, "must be text");
	}

	@Override
	public @Nullable String sourceIdOf(JsonNode item) {
		JsonNode id = item.get("id");
		return (id != null && (id.isString() || id.isIntegralNumber())) ? id.asString() : null;
	}

	@Override
	public @Nullable String titleOf(JsonNode item) {
		String title = ConversationFormat.textOrNull(item.get("title"));
		return (title != null) ? title : ConversationFormat.textOrNull(item.path("chat").get("title"));
	}

}

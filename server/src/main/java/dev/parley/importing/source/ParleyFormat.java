package dev.parley.importing.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.parley.conversation.MessageRole;
import dev.parley.conversation.MessageStatus;
import dev.parley.conversation.PresetMessage;

/**
 * Parley's own export ({@code docs/EXPORT-FORMAT.md}): messages with their parent ids,
 * statuses, models and token counts, written back in the order of their ids (UUIDv7, so
 * the order they were written in).
 */
final class ParleyFormat implements ConversationFormat {

	@Override
	public SourceFormat format() {
		return SourceFormat.PARLEY;
	}

	@Override
	public SourceConversation read(JsonNode conversation, Instant fallbackTime) {
		if (!conversation.isObject()) {
			throw new InvalidConversationException("must be an object");
		}
		String id = SourceIds.check(Fields.requiredText(conversation, "id", "id"));
		Instant createdAt = Fields.isoInstant(conversation, "created_at", "created_at");
		if (createdAt == null) {
			throw Fields.invalid("created_at", "is required");
		}
		Instant updatedAt = orElse(Fields.isoInstant(conversation, "updated_at", "updated_at"), createdAt);
		List<SourceMessage> messages = new ArrayList<>();
		JsonNode list = conversation.get("messages");
		if (list != null && !list.isNull()) {
			if (!list.isArray()) {
				throw Fields.invalid("messages", "must be an array");
			}
			for (int i = 0; i < list.size(); i++) {
				messages.add(message(list.get(i), "messages[" + i + "]", createdAt));
			}
		}
		return new SourceConversation(id, Fields.text(conversation, "title", "title"),
				Fields.text(conversation, "agent_id", "agent_id"),
				Fields.text(conversation, "system_prompt", "system_prompt"), presets(conversation),
				Fields.flag(conversation, "pinned", "pinned"), Fields.flag(conversation, "archived", "archived"),
				createdAt, updatedAt, tags(conversation),
				MessageTree.ordered(messages, Comparator.comparing(SourceMessage::id), null, true));
	}

	private static SourceMessage message(JsonNode message, String path, Instant conversationCreated) {
		if (!message.isObject()) {
			throw Fields.invalid(path, "must be an object");
		}
		String id = Fields.requiredText(message, "id", path + ".id");
		Instant createdAt = orElse(Fields.isoInstant(message, "created_at", path + ".created_at"), conversationCreated);
		String status = Fields.text(message, "status", path + ".status");
		return new SourceMessage(id, Fields.text(message, "parent_id", path + ".parent_id"),
				role(Fields.requiredText(message, "role", path + ".role"), path + ".role"),
				Fields.requiredText(message, "content", path + ".content"),
				(status != null) ? status(status, path + ".status") : MessageStatus.COMPLETE,
				Fields.text(message, "model", path + ".model"), Fields.text(message, "provider", path + ".provider"),
				Fields.count(message, "prompt_tokens", path + ".prompt_tokens"),
				Fields.count(message, "completion_tokens", path + ".completion_tokens"),
				Fields.text(message, "finish_reason", path + ".finish_reason"), createdAt,
				orElse(Fields.isoInstant(message, "updated_at", path + ".updated_at"), createdAt));
	}

	private static List<PresetMessage> presets(JsonNode conversation) {
		JsonNode list = conversation.get("preset_messages");
		if (list == null || list.isNull()) {
			return List.of();
		}
		if (!list.isArray()) {
			throw Fields.invalid("preset_messages", "must be an array");
		}
		List<PresetMessage> presets = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			String path = "preset_messages[" + i + "]";
			JsonNode preset = list.get(i);
			if (!preset.isObject()) {
				throw Fields.invalid(path, "must be an object");
			}
			presets.add(new PresetMessage(role(Fields.requiredText(preset, "role", path + ".role"), path + ".role"),
					Fields.requiredText(preset, "content", path + ".content")));
		}
		return presets;
	}

	private static List<String> tags(JsonNode conversation) {
		JsonNode list = conversation.get("tags");
		if (list == null || list.isNull()) {
			return List.of();
		}
		if (!list.isArray()) {
			throw Fields.invalid("tags", "must be an array of names");
		}
		List<String> tags = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			JsonNode tag = list.get(i);
			if (!tag.isString()) {
				throw Fields.invalid("tags[" + i + "]", "must be a string");
			}
			tags.add(tag.stringValue());
		}
		return tags;
	}

	private static MessageRole role(String role, String path) {
		return switch (role) {
			case "system", "user", "assistant", "agent", "tool" -> MessageRole.valueOf(role.toUpperCase(Locale.ROOT));
			default -> throw Fields.invalid(path, "must be one of system, user, assistant, agent, tool");
		};
	}

	private static MessageStatus status(String status, String path) {
		return switch (status) {
			case "complete", "streaming", "stopped", "interrupted", "failed" ->
				MessageStatus.valueOf(status.toUpperCase(Locale.ROOT));
			default -> throw Fields.invalid(path, "must be one of complete, streaming, stopped, interrupted, failed");
		};
	}

	private static Instant orElse(@Nullable Instant value, Instant fallback) {
		return (value != null) ? value : fallback;
	}

	@Override
	public @Nullable String sourceIdOf(JsonNode conversation) {
		return ConversationFormat.textOrNull(conversation.get("id"));
	}

	@Override
	public @Nullable String titleOf(JsonNode conversation) {
		return ConversationFormat.textOrNull(conversation.get("title"));
	}

}

package dev.parley.export.format;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

import dev.parley.conversation.Message;

/** The JSON members of a message, shared by the JSON and NDJSON formats. */
final class JsonFields {

	private JsonFields() {
	}

	/** Writes the message's members into the object being written. */
	static void message(JsonGenerator json, Message message) {
		json.writeStringProperty("id", message.id().toString());
		uuid(json, "parent_id", message.parentId());
		json.writeStringProperty("role", lower(message.role()));
		json.writeStringProperty("content", message.content());
		json.writeStringProperty("status", lower(message.status()));
		json.writeStringProperty("model", message.model());
		json.writeStringProperty("provider", message.provider());
		integer(json, "prompt_tokens", message.promptTokens());
		integer(json, "completion_tokens", message.completionTokens());
		json.writeStringProperty("finish_reason", message.finishReason());
		json.writeBooleanProperty("cached", message.cached());
		instant(json, "created_at", message.createdAt());
		instant(json, "updated_at", message.updatedAt());
	}

	static void uuid(JsonGenerator json, String name, @Nullable UUID value) {
		json.writeStringProperty(name, (value != null) ? value.toString() : null);
	}

	static void instant(JsonGenerator json, String name, @Nullable Instant value) {
		json.writeStringProperty(name, (value != null) ? IsoInstants.format(value) : null);
	}

	static void integer(JsonGenerator json, String name, @Nullable Integer value) {
		if (value != null) {
			json.writeNumberProperty(name, value.intValue());
		}
		else {
			json.writeNullProperty(name);
		}
	}

	/** The enum's name in lower case, computed once per constant. */
	static String lower(Enum<?> value) {
		return LOWER.get(value.getDeclaringClass())[value.ordinal()];
	}

	private static final ClassValue<String[]> LOWER = new ClassValue<>() {

		@Override
		protected String[] computeValue(Class<?> type) {
			Object[] constants = type.getEnumConstants();
			String[] names = new String[constants.length];
			for (int i = 0; i < constants.length; i++) {
				names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
			}
			return names;
		}

	};

}

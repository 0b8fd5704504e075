package dev.parley.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ChatMessage;

/**
 * Checks the fields both gateway protocols (chat completions and Anthropic Messages) read
 * the same way: the body and its {@code model}, the {@code messages} array and each
 * message's role, booleans, bounded numbers, positive integers and arrays of strings. An
 * invalid field is a {@link ProblemException#invalid} naming it.
 */
public final class RequestFields {

	private RequestFields() {
	}

	/** Each message of the array as the protocol reads it, after its role is checked. */
	@FunctionalInterface
	public interface MessageReader {

		List<ChatMessage> read(String role, JsonNode message, String field);

	}

	/** The {@code model} of a body that must be a JSON object. */
	public static String model(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ProblemException.invalid("body", "must be a JSON object");
		}
		JsonNode model = body.get("model");
		if (model == null || !model.isString() || model.asString().isBlank()) {
			throw ProblemException.invalid("model", "is required and must be a non-empty string");
		}
		return model.asString();
	}

	/**
	 * The messages of a required, non-empty array of objects whose {@code role} is one of
	 * {@code roles} ({@code rolesDetail} says which they are).
	 */
	public static List<ChatMessage> messages(JsonNode messages, Set<String> roles, String rolesDetail,
			MessageReader reader) {
		if (messages == null || !messages.isArray() || messages.isEmpty()) {
			throw ProblemException.invalid("messages", "is required and must be a non-empty array");
		}
		List<ChatMessage> parsed = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			JsonNode message = messages.get(i);
			String field = "messages[" + i + "]";
			if (!message.isObject()) {
				throw ProblemException.invalid(field, "must be an object");
			}
			JsonNode role = message.get("role");
			if (role == null || !role.isString() || !roles.contains(role.asString())) {
				throw ProblemException.invalid(field + ".role", rolesDetail);
			}
			parsed.addAll(reader.read(role.asString(), message, field));
		}
		return parsed;
	}

	/** A boolean field; false if unset. */
	public static boolean bool(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			throw ProblemException.invalid(field, "must be a boolean");
		}
		return value.asBoolean();
	}

	/** A number field from {@code min} to {@code max}; null if unset. */
	public static Double number(JsonNode node, String field, double min, double max) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
			throw ProblemException.invalid(field, "must be a number from " + format(min) + " to " + format(max));
		}
		return value.asDouble();
	}

	/** An integer of at least 1 (as {@code max_tokens} must be); null if unset. */
	public static Integer positiveInt(JsonNode value, String field) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
			throw ProblemException.invalid(field, "must be an integer of at least 1");
		}
		return value.asInt();
	}

	/**
	 * The strings of an array whose every element must be a string, else {@code detail}.
	 */
	public static List<String> strings(JsonNode array, String field, String detail) {
		List<String> strings = new ArrayList<>(array.size());
		for (JsonNode element : array) {
			if (!element.isString()) {
				throw ProblemException.invalid(field, detail);
			}
			strings.add(element.asString());
		}
		return strings;
	}

	private static String format(double bound) {
		return (bound == Math.rint(bound) && Math.abs(bound) < 1e15) ? Long.toString((long) bound)
				: Double.toString(bound);
	}

}

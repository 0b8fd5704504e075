package dev.parley.realtime.socket;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.json.StorageJson;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.JsonProblems;
import dev.parley.platform.problem.ProblemException;
import dev.parley.realtime.RealtimeProblem;

/**
 * Reads client frames with the API's JSON rules (snake_case, unknown fields refused, text
 * that cannot be stored refused) and answers a bad one with the problem a REST body would
 * get.
 */
@Component
class ClientFrames {

	/** The longest request id a client may send. */
	static final int MAX_REQUEST_ID = 128;

	private static final List<String> TYPES = List.of("auth", "subscribe", "unsubscribe", "send", "stop", "ping");

	private final JsonMapper json;

	private final JsonMapper lenient;

	ClientFrames(JsonMapper json, @StorageJson JsonMapper lenient) {
		this.json = json;
		this.lenient = lenient;
	}

	/**
	 * The frame {@code text} holds; {@code bound} is the conversation of a
	 * {@code /ws/chat/{id}} socket (null for {@code /ws}), where {@code message} is also
	 * a {@code send}.
	 */
	ClientFrame read(String text, @Nullable UUID bound) throws FrameProblem {
		JsonNode node;
		try {
			node = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new FrameProblem(JsonProblems.of(ex, "frame"), requestIdOfRefused(text));
		}
		if (node == null || !node.isObject()) {
			throw new FrameProblem(invalid(null, "A frame is a JSON object with a 'type'"), null);
		}
		String requestId = requestId(node);
		JsonNode typeNode = node.get("type");
		if (typeNode == null || !typeNode.isString()) {
			throw new FrameProblem(ProblemException.invalid("type", "is required: one of " + TYPES), requestId);
		}
		String type = typeNode.asString();
		Class<? extends ClientFrame> kind = switch (type) {
			case "auth" -> ClientFrame.Auth.class;
			case "subscribe" -> ClientFrame.Subscribe.class;
			case "unsubscribe" -> ClientFrame.Unsubscribe.class;
			case "send" -> ClientFrame.Send.class;
			case "message" -> (bound != null) ? ClientFrame.Send.class : null;
			case "stop" -> ClientFrame.Stop.class;
			case "ping" -> ClientFrame.Ping.class;
			default -> null;
		};
		if (kind == null) {
			throw new FrameProblem(ProblemException.of(RealtimeProblem.UNKNOWN_FRAME_TYPE,
					"Unknown frame type '" + abbreviate(type) + "'; one of " + TYPES), requestId);
		}
		try {
			return this.json.treeToValue(node, kind);
		}
		catch (JacksonException ex) {
			throw new FrameProblem(JsonProblems.of(ex, "frame"), requestId);
		}
	}

	/**
	 * The conversation a frame names: {@code conversation_id}, or the socket's own on
	 * {@code /ws/chat/{id}}, where it may be left out but not name another.
	 */
	static UUID conversation(@Nullable String conversationId, @Nullable UUID bound) {
		if (conversationId == null) {
			if (bound != null) {
				return bound;
			}
			throw ProblemException.invalid("conversation_id", "is required");
		}
		UUID id;
		try {
			id = UUID.fromString(conversationId);
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(CommonProblem.INVALID_ID, "'conversation_id' is not a valid id",
					List.of(new FieldProblem("conversation_id", "must be a UUID")));
		}
		if (bound != null && !bound.equals(id)) {
			throw ProblemException.invalid("conversation_id",
					"this socket follows conversation " + bound + " only (/ws/chat/" + bound + ")");
		}
		return id;
	}

	private static @Nullable String requestId(JsonNode frame) throws FrameProblem {
		JsonNode node = frame.get("request_id");
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString() || node.asString().isEmpty() || node.asString().length() > MAX_REQUEST_ID) {
			throw new FrameProblem(ProblemException.invalid("request_id",
					"must be a string of 1 to " + MAX_REQUEST_ID + " characters"), null);
		}
		return node.asString();
	}

	/**
	 * The request id of a frame the strict reader refused (text that cannot be stored),
	 * read again without that rule; null when there is none.
	 */
	private @Nullable String requestIdOfRefused(String text) {
		try {
			JsonNode node = this.lenient.readTree(text);
			return (node != null && node.isObject()) ? requestId(node) : null;
		}
		catch (JacksonException | FrameProblem ex) {
			return null;
		}
	}

	private static ProblemException invalid(@Nullable String field, String message) {
		return new ProblemException(CommonProblem.INVALID_REQUEST, message, List.of(new FieldProblem(field, message)));
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "...";
	}

}

package dev.parley.realtime.socket;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.chat.ChatEventJson;
import dev.parley.chat.SequencedEvent;
import dev.parley.conversation.Message;
import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.RetryLaterException;
import dev.parley.realtime.ConversationEvent;

/**
 * Renders the frames the server sends. A reply's events are the SSE envelope
 * {@code {"type", "data"}} plus {@code conversation_id} and the event's {@code id}; the
 * answers to client frames repeat the frame's {@code request_id}; a problem is
 * {@code {"type": "error", "problem": {type, title, status, detail, ...}}}.
 */
@Component
class ServerFrames {

	private final JsonMapper json;

	private final ChatEventJson events;

	ServerFrames(JsonMapper json, ChatEventJson events) {
		this.json = json;
		this.events = events;
	}

	/** A reply's event, as SSE carries it, with its conversation and its id. */
	String event(UUID conversationId, SequencedEvent event) {
		StringBuilder out = new StringBuilder(160);
		out.append("{\"type\":\"")
			.append(event.event().type())
			.append("\",\"conversation_id\":\"")
			.append(conversationId)
			.append("\",\"id\":\"")
			.append(event.eventId())
			.append("\",\"data\":");
		this.events.appendData(out, event.event());
		return out.append('}').toString();
	}

	/** A conversation event ({@code message.created}, ...). */
	String conversationEvent(ConversationEvent event) {
		StringBuilder out = new StringBuilder(64 + event.data().length());
		out.append("{\"type\":\"");
		JsonStringEncoder.getInstance().quoteAsString(event.type(), out);
		return out.append("\",\"conversation_id\":\"")
			.append(event.conversationId())
			.append("\",\"data\":")
			.append(event.data())
			.append('}')
			.toString();
	}

	String authenticated(@Nullable String requestId, String userId) {
		return write(frame("authenticated", requestId, null).put("user_id", userId));
	}

	String subscribed(@Nullable String requestId, UUID conversationId, @Nullable String lastEventId) {
		ObjectNode frame = frame("subscribed", requestId, conversationId);
		if (lastEventId != null) {
			frame.put("last_event_id", lastEventId);
		}
		return write(frame);
	}

	String unsubscribed(@Nullable String requestId, UUID conversationId, String reason) {
		return write(frame("unsubscribed", requestId, conversationId).put("reason", reason));
	}

	String sent(@Nullable String requestId, UUID conversationId, UUID userMessageId, UUID replyId) {
		return write(frame("sent", requestId, conversationId).put("user_message_id", userMessageId.toString())
			.put("message_id", replyId.toString()));
	}

	String stopped(@Nullable String requestId, UUID conversationId, Message message) {
		ObjectNode frame = frame("stopped", requestId, conversationId);
		frame.set("message", this.json.valueToTree(message));
		return write(frame);
	}

	/** The answer to a topic's {@code subscribe} or {@code unsubscribe}. */
	String topic(String type, @Nullable String requestId, String topic) {
		ObjectNode frame = frame(type, requestId, null);
		frame.putObject("data").put("topic", topic);
		return write(frame);
	}

	String pong(@Nullable String requestId) {
		return write(frame("pong", requestId, null));
	}

	/**
	 * A problem, about the frame of {@code requestId} or the subscription to
	 * {@code conversationId} when known.
	 */
	String problem(@Nullable String requestId, @Nullable UUID conversationId, ProblemException problem) {
		ObjectNode frame = frame("error", requestId, conversationId);
		ObjectNode body = frame.putObject("problem");
		body.put("type", problem.type().uri().toString());
		body.put("title", problem.type().title());
		body.put("status", problem.type().status().value());
		body.put("detail", problem.getMessage());
		if (!problem.errors().isEmpty()) {
			var errors = body.putArray("errors");
			for (FieldProblem error : problem.errors()) {
				ObjectNode item = errors.addObject();
				item.put("field", error.field());
				item.put("message", error.message());
			}
		}
		if (problem instanceof RetryLaterException later) {
			body.put("retry_after", later.retryAfterSeconds());
		}
		return write(frame);
	}

	private String write(ObjectNode frame) {
		return this.json.writeValueAsString(frame);
	}

	private ObjectNode frame(String type, @Nullable String requestId, @Nullable UUID conversationId) {
		ObjectNode frame = this.json.createObjectNode().put("type", type);
		if (requestId != null) {
			frame.put("request_id", requestId);
		}
		if (conversationId != null) {
			frame.put("conversation_id", conversationId.toString());
		}
		return frame;
	}

}

package dev.parley.compat.flask;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.chat.FeedPosition;
import dev.parley.chat.SseResponses;
import dev.parley.compat.CompatEnabled;
import dev.parley.compat.reply.CompatChat;
import dev.parley.compat.reply.ReplyStreams;
import dev.parley.compat.session.SessionIds;

/**
 * Seed 001's chat: {@code POST /api/chat} answers {@code {response, conversation_id,
 * cached}} once the reply is stored; {@code POST /api/chat-stream} streams it.
 */
@RestController
@CompatEnabled
class FlaskChatController {

	static final String SESSION_FIELD = "conversation_id";

	private final CompatChat chat;

	private final ReplyStreams streams;

	private final SseResponses sse;

	FlaskChatController(CompatChat chat, ReplyStreams streams, SseResponses sse) {
		this.chat = chat;
		this.streams = streams;
		this.sse = sse;
	}

	@PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	FlaskChatResponse chat(@RequestBody FlaskChatRequest body) {
		CompatChat.Answered answered = this.chat.ask(sessionId(body), body.message());
		return new FlaskChatResponse(answered.reply().content(), answered.session().sessionId(),
				answered.reply().cached());
	}

	@PostMapping(path = "/api/chat-stream", consumes = MediaType.APPLICATION_JSON_VALUE)
	void chatStream(@RequestBody FlaskChatRequest body, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		CompatChat.Started started = this.chat.start(sessionId(body), body.message());
		String sessionId = started.session().sessionId();
		response.setHeader("X-Conversation-Id", sessionId);
		FeedPosition position = FeedPosition.beginningOf(started.session().conversationId(), started.replyId());
		this.sse.start(request, response, (out) -> this.streams.write(out, position, SESSION_FIELD, sessionId));
	}

	private static String sessionId(FlaskChatRequest body) {
		return (body.conversationId() != null) ? SessionIds.require(body.conversationId(), SESSION_FIELD) : null;
	}

	/** The answer of {@code POST /api/chat}. */
	record FlaskChatResponse(String response, String conversationId, boolean cached) {
	}

}

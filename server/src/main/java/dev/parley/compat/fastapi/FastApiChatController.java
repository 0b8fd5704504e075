package dev.parley.compat.fastapi;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.chat.FeedPosition;
import dev.parley.chat.ReplyFeed;
import dev.parley.chat.SseResponses;
import dev.parley.compat.CompatEnabled;
import dev.parley.compat.reply.CompatChat;
import dev.parley.compat.reply.ReplyStreams;
import dev.parley.compat.session.CompatSession;
import dev.parley.compat.session.CompatSessions;
import dev.parley.compat.session.SessionIds;
import dev.parley.platform.CurrentUser;

/**
 * Seed 004's chat: {@code POST /api/v1/chat/{session_id}} answers {@code {session_id,
 * response}} once the reply is stored; {@code POST .../stream} starts a reply and answers
 * at once, and {@code GET .../stream} (an {@code EventSource}) delivers it, whichever of
 * the two comes first ({@link StreamPairing}).
 */
@RestController
@CompatEnabled
class FastApiChatController {

	static final String SESSION_FIELD = "session_id";

	private final CompatChat chat;

	private final CompatSessions sessions;

	private final StreamPairing pairing;

	private final ReplyStreams streams;

	private final ReplyFeed feed;

	private final SseResponses sse;

	private final CurrentUser currentUser;

	FastApiChatController(CompatChat chat, CompatSessions sessions, StreamPairing pairing, ReplyStreams streams,
			ReplyFeed feed, SseResponses sse, CurrentUser currentUser) {
		this.chat = chat;
		this.sessions = sessions;
		this.pairing = pairing;
		this.streams = streams;
		this.feed = feed;
		this.sse = sse;
		this.currentUser = currentUser;
	}

	@PostMapping(path = "/api/v1/chat/{sessionId}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> chat(@PathVariable String sessionId, @RequestBody FastApiMessage body) {
		CompatChat.Answered answered = this.chat.ask(SessionIds.require(sessionId, SESSION_FIELD), body.message());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put(SESSION_FIELD, answered.session().sessionId());
		answer.put("response", answered.reply().content());
		return answer;
	}

	@PostMapping(path = "/api/v1/chat/{sessionId}/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> startStream(@PathVariable String sessionId, @RequestBody FastApiMessage body) {
		CompatChat.Started started = this.chat.start(SessionIds.require(sessionId, SESSION_FIELD), body.message());
		this.sessions.offerStreamReply(started.session(), started.replyId());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put(SESSION_FIELD, started.session().sessionId());
		answer.put("message_id", started.replyId());
		answer.put("status", "streaming");
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
	}

	/**
	 * The event stream: with {@code Last-Event-ID} (an {@code EventSource} reconnecting)
	 * the rest of that reply; otherwise the reply a POST started or starts.
	 */
	@GetMapping(path = "/api/v1/chat/{sessionId}/stream")
	void stream(@PathVariable String sessionId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Instant notBefore = this.pairing.notBefore();
		CompatSession session = this.sessions.open(SessionIds.require(sessionId, SESSION_FIELD)).session();
		String owner = this.currentUser.id();
		if (lastEventId != null && !lastEventId.isBlank()) {
			FeedPosition position = this.feed.position(session.conversationId(), lastEventId);
			this.sse.start(request, response,
					(out) -> this.streams.write(out, position, SESSION_FIELD, session.sessionId()));
			return;
		}
		this.sse.start(request, response, (out) -> this.pairing.deliver(out, owner, session, notBefore));
	}

}

package dev.parley.compat.fastapi;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.compat.CompatEnabled;
import dev.parley.compat.CompatProperties;
import dev.parley.compat.reply.HistoryWriter;
import dev.parley.compat.session.CompatSession;
import dev.parley.compat.session.CompatSessions;
import dev.parley.compat.session.SessionIds;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.OwnConversations;

/**
 * Seed 004's session management: list the caller's sessions, create one (with a chosen id
 * or a new one), read one with its history, and clear its context (the history stays; the
 * next message starts a fresh context).
 */
@RestController
@CompatEnabled
class FastApiContextController {

	private static final String SESSIONS = "/api/v1/context/conversations";

	private final CompatSessions sessions;

	private final OwnConversations conversations;

	private final HistoryWriter history;

	private final int listLimit;

	FastApiContextController(CompatSessions sessions, OwnConversations conversations, HistoryWriter history,
			CompatProperties properties) {
		this.sessions = sessions;
		this.conversations = conversations;
		this.history = history;
		this.listLimit = properties.sessionsListLimit();
	}

	/** The caller's sessions, newest first. */
	@GetMapping(SESSIONS)
	List<Map<String, Object>> list() {
		return this.sessions.newest(this.listLimit).stream().map(this::view).toList();
	}

	/**
	 * A session: with {@code session_id} in the body that one (made if new, 201; 200 when
	 * it exists), else a new one with a generated id.
	 */
	@PostMapping(SESSIONS)
	ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) @Nullable CreateSession body) {
		String wanted = (body != null && body.sessionId() != null)
				? SessionIds.require(body.sessionId(), FastApiChatController.SESSION_FIELD) : null;
		CompatSessions.Opened opened = this.sessions.open(wanted);
		return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(view(opened.session()));
	}

	@GetMapping(SESSIONS + "/{sessionId}")
	void get(@PathVariable String sessionId, HttpServletResponse response) throws IOException {
		CompatSession session = this.sessions
			.require(SessionIds.require(sessionId, FastApiChatController.SESSION_FIELD));
		Conversation conversation = this.conversations.get(session.conversationId());
		// Null until the context is first cleared.
		Map<String, Object> contextStart = new LinkedHashMap<>();
		contextStart.put("context_start", conversation.contextStart());
		this.history.write(response, session, FastApiChatController.SESSION_FIELD, contextStart);
	}

	@DeleteMapping(SESSIONS + "/{sessionId}/context")
	Map<String, Object> clearContext(@PathVariable String sessionId) {
		CompatSession session = this.sessions
			.require(SessionIds.require(sessionId, FastApiChatController.SESSION_FIELD));
		Conversation cleared = this.conversations.clearContext(session.conversationId());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put(FastApiChatController.SESSION_FIELD, session.sessionId());
		answer.put("message", "Context cleared");
		answer.put("context_start", cleared.contextStart());
		return answer;
	}

	private Map<String, Object> view(CompatSession session) {
		Conversation conversation = this.conversations.get(session.conversationId());
		Map<String, Object> view = new LinkedHashMap<>();
		view.put(FastApiChatController.SESSION_FIELD, session.sessionId());
		view.put("title", conversation.title());
		view.put("created_at", session.createdAt());
		view.put("last_active", conversation.lastActiveAt());
		return view;
	}

	/**
	 * The body of {@code POST /api/v1/context/conversations}.
	 *
	 * @param sessionId the id the session should have; absent, one is generated
	 */
	record CreateSession(@Nullable String sessionId) {
	}

}

package dev.parley.compat.flask;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.compat.CompatEnabled;
import dev.parley.compat.reply.HistoryWriter;
import dev.parley.compat.session.CompatSession;
import dev.parley.compat.session.CompatSessions;
import dev.parley.compat.session.SessionIds;
import dev.parley.conversation.OwnConversations;

/**
 * Seed 001's history: {@code GET /api/conversations/{id}} answers the conversation with
 * its messages, {@code DELETE} deletes it (its next use starts a new one).
 */
@RestController
@CompatEnabled
class FlaskConversationController {

	private final CompatSessions sessions;

	private final OwnConversations conversations;

	private final HistoryWriter history;

	FlaskConversationController(CompatSessions sessions, OwnConversations conversations, HistoryWriter history) {
		this.sessions = sessions;
		this.conversations = conversations;
		this.history = history;
	}

	@GetMapping("/api/conversations/{conversationId}")
	void get(@PathVariable String conversationId, HttpServletResponse response) throws IOException {
		CompatSession session = this.sessions
			.require(SessionIds.require(conversationId, FlaskChatController.SESSION_FIELD));
		this.history.write(response, session, FlaskChatController.SESSION_FIELD, Map.of());
	}

	@DeleteMapping("/api/conversations/{conversationId}")
	Map<String, Object> delete(@PathVariable String conversationId) {
		CompatSession session = this.sessions
			.require(SessionIds.require(conversationId, FlaskChatController.SESSION_FIELD));
		this.conversations.delete(session.conversationId());
		return Map.of("message", "Conversation deleted", FlaskChatController.SESSION_FIELD, session.sessionId());
	}

}

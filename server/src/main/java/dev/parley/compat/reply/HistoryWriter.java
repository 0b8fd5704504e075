package dev.parley.compat.reply;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.compat.session.CompatSession;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Message;
import dev.parley.conversation.OwnConversations;

/**
 * Writes a session's history as the old services answered it: the session's fields, then
 * {@code messages} as {@code [{role, content, timestamp}]}, oldest first, read in keyset
 * pages and written as they come, so a conversation of any length takes constant memory.
 */
@Component
public class HistoryWriter {

	private static final int PAGE = 500;

	private final OwnConversations conversations;

	private final JsonMapper json;

	HistoryWriter(OwnConversations conversations, JsonMapper json) {
		this.conversations = conversations;
		this.json = json;
	}

	/**
	 * Answers with the session's history.
	 * @param sessionField the name of the session id ({@code conversation_id},
	 * {@code session_id})
	 * @param extra more fields, written after the session's own
	 */
	public void write(HttpServletResponse response, CompatSession session, String sessionField,
			Map<String, Object> extra) throws IOException {
		Conversation conversation = this.conversations.get(session.conversationId());
		// The first page before the response is committed: a failure is still a problem.
		List<Message> page = this.conversations.messagesAfter(conversation.id(), null, PAGE);
		Map<String, Object> head = new LinkedHashMap<>();
		head.put(sessionField, session.sessionId());
		head.put("created_at", conversation.createdAt());
		head.put("last_active", conversation.lastActiveAt());
		head.putAll(extra);
		String fields = this.json.writeValueAsString(head);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		OutputStream out = response.getOutputStream();
		out.write(fields.substring(0, fields.length() - 1).getBytes(StandardCharsets.UTF_8));
		out.write(",\"messages\":[".getBytes(StandardCharsets.UTF_8));
		boolean first = true;
		while (!page.isEmpty()) {
			StringBuilder text = new StringBuilder(256 * page.size());
			for (Message message : page) {
				if (!first) {
					text.append(',');
				}
				first = false;
				text.append(this.json.writeValueAsString(entry(message)));
			}
			out.write(text.toString().getBytes(StandardCharsets.UTF_8));
			if (page.size() < PAGE) {
				break;
			}
			UUID last = page.getLast().id();
			page = this.conversations.messagesAfter(conversation.id(), last, PAGE);
		}
		out.write("]}".getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static Map<String, Object> entry(Message message) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("role", message.role().name().toLowerCase(Locale.ROOT));
		entry.put("content", message.content());
		entry.put("timestamp", message.createdAt());
		return entry;
	}

}

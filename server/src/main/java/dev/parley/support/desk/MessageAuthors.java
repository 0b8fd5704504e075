package dev.parley.support.desk;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/** Who wrote each human reply ({@code support_message_authors}). */
@Repository
class MessageAuthors {

	private final JdbcClient jdbc;

	MessageAuthors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(UUID messageId, UUID conversationId, String userId) {
		this.jdbc
			.sql("INSERT INTO support_message_authors (message_id, conversation_id, user_id) "
					+ "VALUES (:message, :conversation, :user)")
			.param("message", Jdbc.param(messageId))
			.param("conversation", Jdbc.param(conversationId))
			.param("user", userId)
			.update();
	}

	/** The authors of those of {@code messageIds} that are human replies. */
	Map<UUID, String> of(Collection<UUID> messageIds) {
		Map<UUID, String> authors = new HashMap<>();
		if (messageIds.isEmpty()) {
			return authors;
		}
		this.jdbc.sql("SELECT message_id, user_id FROM support_message_authors WHERE message_id IN (:ids)")
			.param("ids", messageIds.stream().map(Jdbc::param).toList())
			.query((RowCallbackHandler) (rs) -> authors.put(Jdbc.uuid(rs, "message_id"), rs.getString("user_id")));
		return authors;
	}

}

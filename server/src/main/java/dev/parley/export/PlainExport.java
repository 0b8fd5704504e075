package dev.parley.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An export of the caller's conversations in the plain layout, for other features' routes
 * (the old systems' routes): each conversation as its name, {@code created_at},
 * {@code last_active} and its messages as {@code role}, {@code content},
 * {@code timestamp} (when it was created), oldest first, every branch. In JSON one
 * conversation is one object and several are an array of them; in CSV every message is a
 * row {@code conversation_id,role,content,timestamp}, made safe as Parley's own CSV.
 *
 * @param format JSON or CSV
 * @param conversationId only this conversation of the caller (then the JSON document is
 * that one object); null for all the caller's conversations
 * @param from only messages created at or after this (null: no lower bound)
 * @param to only messages created before this (null: no upper bound); with either bound a
 * conversation without a message in the range is left out
 * @param names the name each conversation is written under (its id in another system);
 * asked once per batch of conversations read, from the thread that writes the response
 * @param fileName the name the file is offered under ({@code Content-Disposition}),
 * extension included
 */
public record PlainExport(Format format, @Nullable UUID conversationId, @Nullable Instant from, @Nullable Instant to,
		ConversationNames names, String fileName) {

	/** The formats of the plain layout. */
	public enum Format {

		/** One object per conversation, UTF-8. */
		JSON,
		/** One row per message, UTF-8 with a byte order mark, RFC 4180 quoting. */
		CSV

	}

	/** Names the conversations of an export, a batch at a time. */
	@FunctionalInterface
	public interface ConversationNames {

		/**
		 * The names the conversations of one batch are written under; one left out is
		 * written under its id.
		 */
		Map<UUID, String> namesOf(List<UUID> conversationIds);

		/** Every conversation under its id. */
		static ConversationNames ids() {
			return (conversationIds) -> Map.of();
		}

	}

}

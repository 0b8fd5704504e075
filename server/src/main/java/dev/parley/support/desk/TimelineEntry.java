package dev.parley.support.desk;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.Message;

/**
 * One line of a support conversation's timeline: a message (the customer's, the bot's, a
 * human agent's), an activity line, or (for staff only) a private note.
 *
 * @param kind {@code message}, {@code activity} or {@code note}
 * @param role of a message: {@code user} (the customer), {@code assistant} (the bot),
 * {@code agent} (a human)
 * @param status of a message: {@code complete}, {@code streaming}, {@code stopped}, ...
 * @param event of an activity: {@code handoff}, {@code handback}, {@code assigned},
 * {@code status}, ...
 */
public record TimelineEntry(UUID id, UUID conversationId, String kind, @Nullable String role, String content,
		@Nullable String status, @Nullable String event, DeskViews.@Nullable Named actor, Instant createdAt) {

	static TimelineEntry of(Message message, DeskViews.@Nullable Named author) {
		return new TimelineEntry(message.id(), message.conversationId(), "message",
				message.role().name().toLowerCase(Locale.ROOT), message.content(),
				message.status().name().toLowerCase(Locale.ROOT), null, author, message.createdAt());
	}

	static TimelineEntry of(Activity activity, DeskViews.@Nullable Named actor) {
		return new TimelineEntry(activity.id(), activity.conversationId(),
				activity.kind().name().toLowerCase(Locale.ROOT), null, activity.content(), null, activity.event(),
				actor, activity.createdAt());
	}

}

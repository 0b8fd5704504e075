package dev.parley.support.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.parley.conversation.Message;
import dev.parley.conversation.MessageRole;
import dev.parley.conversation.StaffConversations;
import dev.parley.platform.Page;

/**
 * A support conversation's timeline, newest first: its messages and its activity merged
 * by id (both UUIDv7, so in creation order), with the private notes for staff only.
 */
@Component
class Timeline {

	private final StaffConversations conversations;

	private final ActivityRepository activities;

	private final MessageAuthors authors;

	private final DeskViews views;

	Timeline(StaffConversations conversations, ActivityRepository activities, MessageAuthors authors, DeskViews views) {
		this.conversations = conversations;
		this.activities = activities;
		this.authors = authors;
		this.views = views;
	}

	/** One page, strictly older than {@code before} when given. */
	Page<TimelineEntry> page(UUID conversationId, @Nullable UUID before, int limit, boolean customerView) {
		List<Message> messages = this.conversations.page(conversationId, before, limit + 1)
			.stream()
			.filter((message) -> message.role() == MessageRole.USER || message.role() == MessageRole.ASSISTANT
					|| message.role() == MessageRole.AGENT)
			.toList();
		Map<UUID, String> authorIds = this.authors
			.of(messages.stream().filter((message) -> message.role() == MessageRole.AGENT).map(Message::id).toList());
		List<TimelineEntry> entries = new ArrayList<>();
		for (Message message : messages) {
			String author = authorIds.get(message.id());
			entries.add(TimelineEntry.of(message,
					(author != null) ? new DeskViews.Named(author, this.views.staffName(author)) : null));
		}
		for (Activity activity : this.activities.page(conversationId, before, limit + 1, customerView)) {
			entries.add(TimelineEntry.of(activity, (activity.actorId() != null && !customerView)
					? new DeskViews.Named(activity.actorId(), this.views.staffName(activity.actorId())) : null));
		}
		entries.sort(Comparator.comparing(TimelineEntry::id).reversed());
		return Page.of(entries, limit, (last) -> last.id().toString());
	}

	/** One entry, for the event that announces it. */
	TimelineEntry entry(Activity activity) {
		return TimelineEntry.of(activity, (activity.actorId() != null)
				? new DeskViews.Named(activity.actorId(), this.views.staffName(activity.actorId())) : null);
	}

	TimelineEntry entry(Message message, @Nullable String authorId) {
		return TimelineEntry.of(message,
				(authorId != null) ? new DeskViews.Named(authorId, this.views.staffName(authorId)) : null);
	}

}

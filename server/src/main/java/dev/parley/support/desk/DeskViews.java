package dev.parley.support.desk;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.parley.conversation.Message;
import dev.parley.conversation.StaffConversations;
import dev.parley.identity.StaffDirectory;
import dev.parley.support.contact.Contact;
import dev.parley.support.contact.Contacts;
import dev.parley.support.inbox.Inbox;
import dev.parley.support.inbox.Inboxes;
import dev.parley.support.staff.Team;
import dev.parley.support.staff.Teams;

/** Turns support conversations into what the agents' inbox shows. */
@Component
class DeskViews {

	private final Contacts contacts;

	private final Inboxes inboxes;

	private final StaffDirectory staff;

	private final Teams teams;

	private final StaffConversations conversations;

	DeskViews(Contacts contacts, Inboxes inboxes, StaffDirectory staff, Teams teams, StaffConversations conversations) {
		this.contacts = contacts;
		this.inboxes = inboxes;
		this.staff = staff;
		this.teams = teams;
		this.conversations = conversations;
	}

	/** Someone named: an agent, a team, a contact. */
	record Named(String id, String name) {
	}

	record ContactSummary(UUID id, String name, @Nullable String email) {
	}

	record LastMessage(String role, String content, Instant createdAt) {
	}

	/** A support conversation as the inbox lists it. */
	record ConversationView(UUID id, UUID inboxId, @Nullable String inboxName, ContactSummary contact,
			SupportStatus status, Priority priority, Handler handler, boolean botStarted, @Nullable Named assignee,
			@Nullable Named team, List<String> labels, @Nullable Instant waitingSince, @Nullable Instant firstReplyAt,
			@Nullable Instant snoozedUntil, @Nullable Instant handedOffAt, @Nullable Instant resolvedAt,
			@Nullable LastMessage lastMessage, Instant createdAt, Instant updatedAt) {
	}

	ConversationView view(SupportConversation c) {
		return views(List.of(c)).get(0);
	}

	List<ConversationView> views(List<SupportConversation> rows) {
		Map<UUID, String> inboxNames = new HashMap<>();
		for (Inbox inbox : this.inboxes.all()) {
			inboxNames.put(inbox.id(), inbox.name());
		}
		Map<String, String> staffNames = new HashMap<>();
		this.staff.all().forEach((member) -> staffNames.put(member.id(), member.name()));
		Map<UUID, String> teamNames = new HashMap<>();
		for (Team team : this.teams.all()) {
			teamNames.put(team.id(), team.name());
		}
		Map<UUID, Optional<Contact>> contactCache = new HashMap<>();
		return rows.stream().map((c) -> {
			Contact contact = contactCache.computeIfAbsent(c.contactId(), this.contacts::find).orElse(null);
			ContactSummary summary = (contact != null)
					? new ContactSummary(contact.id(), contact.displayName(), contact.email())
					: new ContactSummary(c.contactId(), "?", null);
			Message last = this.conversations.latest(c.conversationId()).orElse(null);
			return new ConversationView(c.conversationId(), c.inboxId(), inboxNames.get(c.inboxId()), summary,
					c.status(), c.priority(), c.handler(), c.botStarted(),
					(c.assigneeId() != null)
							? new Named(c.assigneeId(), staffNames.getOrDefault(c.assigneeId(), c.assigneeId())) : null,
					(c.teamId() != null) ? new Named(c.teamId().toString(), teamNames.getOrDefault(c.teamId(), "?"))
							: null,
					c.labels(), c.waitingSince(), c.firstReplyAt(), c.snoozedUntil(), c.handedOffAt(), c.resolvedAt(),
					(last != null) ? new LastMessage(last.role().name().toLowerCase(Locale.ROOT),
							preview(last.content()), last.createdAt()) : null,
					c.createdAt(), c.updatedAt());
		}).toList();
	}

	/** A staff member's name, or the id when they are gone. */
	String staffName(String userId) {
		return this.staff.find(userId).map(StaffDirectory.Member::name).orElse(userId);
	}

	private static String preview(String content) {
		return (content.length() > 200) ? content.substring(0, 200) : content;
	}

}

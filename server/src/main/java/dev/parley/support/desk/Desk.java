package dev.parley.support.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.parley.chat.ChatCommands;
import dev.parley.chat.SendMessageRequest;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationProblem;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageStatus;
import dev.parley.conversation.StaffConversations;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.Page;
import dev.parley.platform.audit.AuditLogRepository;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.support.SupportEvent;
import dev.parley.support.contact.Contact;
import dev.parley.support.inbox.Inbox;
import dev.parley.support.inbox.Inboxes;
import dev.parley.support.staff.StaffMembers;
import dev.parley.support.staff.Teams;

/**
 * Customer service's use cases on support conversations: starting one for a contact, the
 * customer's messages (answered by the bot only through the {@link BotGate}), the handoff
 * to humans and back, human replies and notes, assignment, status, priority, labels and
 * snoozing. Every change is one transaction (through {@link GroupCommit}, like the claims
 * of bot replies) with its activity line, its audit entry and its events.
 */
@Service
public class Desk {

	/** The text a bot reply carries to hand the conversation to a person. */
	public static final String HANDOFF_MARKER = "[[handoff]]";

	static final String DEFAULT_HANDOFF_MESSAGE = "You are now talking to a person. An agent will reply shortly.";

	static final int MAX_LABELS = 20;

	private final SupportConversationRepository repository;

	private final ActivityRepository activities;

	private final MessageAuthors authors;

	private final StaffConversations conversations;

	private final ChatCommands chat;

	private final BotGate gate;

	private final Inboxes inboxes;

	private final Teams teams;

	private final StaffMembers members;

	private final DeskViews views;

	private final Timeline timeline;

	private final AutoAssigner assigner;

	private final GroupCommit groupCommit;

	private final AuditLogRepository audit;

	private final IdGenerator ids;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	Desk(SupportConversationRepository repository, ActivityRepository activities, MessageAuthors authors,
			StaffConversations conversations, ChatCommands chat, BotGate gate, Inboxes inboxes, Teams teams,
			StaffMembers members, DeskViews views, Timeline timeline, AutoAssigner assigner, GroupCommit groupCommit,
			AuditLogRepository audit, IdGenerator ids, ApplicationEventPublisher publisher, Clock clock) {
		this.repository = repository;
		this.activities = activities;
		this.authors = authors;
		this.conversations = conversations;
		this.chat = chat;
		this.gate = gate;
		this.inboxes = inboxes;
		this.teams = teams;
		this.members = members;
		this.views = views;
		this.timeline = timeline;
		this.assigner = assigner;
		this.groupCommit = groupCommit;
		this.audit = audit;
		this.ids = ids;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * The support conversation.
	 * @throws ProblemException {@code conversation-not-found}
	 */
	public SupportConversation require(UUID conversationId) {
		return this.repository.find(conversationId)
			.orElseThrow(() -> ProblemException.of(ConversationProblem.CONVERSATION_NOT_FOUND,
					"No support conversation " + conversationId));
	}

	/** The support conversation if it belongs to the contact. */
	public Optional<SupportConversation> ofContactConversation(UUID contactId, UUID conversationId) {
		return this.repository.find(conversationId).filter((c) -> c.contactId().equals(contactId));
	}

	/** A page of the timeline as the customer sees it (no notes, no private activity). */
	public Page<TimelineEntry> customerTimeline(UUID conversationId, @Nullable UUID before, int limit) {
		return this.timeline.page(conversationId, before, limit, true);
	}

	/** The conversations of a contact, newest first. */
	public List<SupportConversation> ofContact(UUID contactId, int limit) {
		return this.repository.ofContact(contactId, limit);
	}

	/**
	 * A new support conversation of {@code contact} in {@code inbox}: the bot answers it
	 * when the inbox has one (pending for humans), else humans do from the start (open).
	 */
	public SupportConversation start(Inbox inbox, Contact contact) {
		SupportConversation created = this.groupCommit.execute((tx) -> {
			Conversation conversation = this.conversations.start(contact.ownerId(), inbox.agentId(), inbox.name());
			Instant now = conversation.createdAt();
			boolean bot = inbox.hasBot();
			SupportConversation row = new SupportConversation(conversation.id(), inbox.id(), contact.id(),
					bot ? SupportStatus.PENDING : SupportStatus.OPEN, Priority.MEDIUM,
					bot ? Handler.BOT : Handler.HUMAN, bot, null, null, null, null, null, bot ? null : now, null, 0, 0,
					now, now, List.of());
			this.repository.insert(row);
			event(SupportEvent.CONVERSATION_CREATED, row, Map.of("conversation", this.views.view(row)));
			return row;
		});
		if (!created.botStarted()) {
			this.assigner.assignWaiting(inbox);
		}
		return created;
	}

	/** What a customer's message became: stored, and answered by the bot or not. */
	public record CustomerMessage(UUID messageId, @Nullable UUID replyId) {
	}

	/**
	 * A customer's message (the caller runs as the conversation's owner): the bot answers
	 * it only if it still owns the conversation at the moment the reply would begin. A
	 * handoff keyword hands the conversation over instead; a message to humans reopens a
	 * resolved or snoozed conversation and marks it waiting.
	 */
	public CustomerMessage customerMessage(SupportConversation conversation, Inbox inbox, String content) {
		String keyword = (conversation.handler() == Handler.BOT) ? inbox.handoffKeywordIn(content) : null;
		ChatCommands.SentMessage sent = this.chat.send(conversation.conversationId(),
				new SendMessageRequest(content, null, null, null), (keyword != null) ? BotGate.CLOSED : this.gate);
		if (keyword != null) {
			handoff(conversation.conversationId(), HandoffTrigger.KEYWORD, null, null, null,
					"The customer wrote '" + keyword + "'");
		}
		else if (sent.replyId() == null) {
			awaitHumans(conversation.conversationId());
		}
		Message stored = this.conversations.page(conversation.conversationId(), null, 5)
			.stream()
			.filter((message) -> message.id().equals(sent.userMessageId()))
			.findFirst()
			.orElse(null);
		if (stored != null) {
			SupportConversation now = require(conversation.conversationId());
			this.publisher
				.publishEvent(new SupportEvent(SupportEvent.MESSAGE_CREATED, now.conversationId(), now.inboxId(),
						Map.of("conversation_id", now.conversationId(), "entry", this.timeline.entry(stored, null)),
						stored.createdAt()));
		}
		return new CustomerMessage(sent.userMessageId(), sent.replyId());
	}

	/**
	 * A customer's message that humans answer: waiting, reopened when it was put aside.
	 */
	private void awaitHumans(UUID conversationId) {
		SupportConversation reopened = this.groupCommit.execute((tx) -> {
			SupportConversation current = require(conversationId);
			Instant now = Jdbc.now(this.clock);
			boolean reopen = current.status() == SupportStatus.RESOLVED || current.status() == SupportStatus.SNOOZED;
			SupportConversation updated = with(current, reopen ? SupportStatus.OPEN : current.status(),
					(current.waitingSince() != null) ? current.waitingSince() : now, now);
			this.repository.update(updated);
			if (reopen) {
				activity(updated, "reopened", true, null, "The customer wrote again; the conversation is open");
				this.audit.record("system", "support_conversation.status", "support_conversation",
						conversationId.toString(), "reopened by the customer");
				statusChanged(updated, current.status());
			}
			return reopen ? updated : null;
		});
		if (reopened != null && reopened.assigneeId() == null) {
			this.inboxes.find(reopened.inboxId()).ifPresent(this.assigner::assignWaiting);
		}
	}

	/**
	 * Humans answer from now on: the bot never replies again in the conversation (a reply
	 * it had begun is stopped), the customer sees the inbox's handoff message, and the
	 * conversation goes to {@code assigneeId} or {@code teamId} when given, else to
	 * auto-assignment. Handing over a conversation humans answer already changes nothing
	 * but the assignment asked for.
	 * @param actorId the human who took it, null when the customer, a rule or the model
	 * did
	 */
	public SupportConversation handoff(UUID conversationId, HandoffTrigger trigger, @Nullable UUID teamId,
			@Nullable String assigneeId, @Nullable String actorId, @Nullable String reason) {
		if (teamId != null) {
			this.teams.require(teamId);
		}
		if (assigneeId != null) {
			this.members.require("assignee_id", assigneeId);
		}
		SupportConversation current = require(conversationId);
		Inbox inbox = this.inboxes.require(current.inboxId());
		HandoffResult result = this.groupCommit.execute((tx) -> {
			Instant now = Jdbc.now(this.clock);
			if (!this.repository.handToHumans(conversationId, teamId, assigneeId, now)) {
				return new HandoffResult(require(conversationId), false);
			}
			SupportConversation handed = require(conversationId);
			activity(handed, "handoff", true, actorId,
					(inbox.handoffMessage() != null) ? inbox.handoffMessage() : DEFAULT_HANDOFF_MESSAGE);
			this.audit.record((actorId != null) ? actorId : "system", "support_conversation.handoff",
					"support_conversation", conversationId.toString(),
					trigger.name().toLowerCase(Locale.ROOT) + ((reason != null) ? ": " + reason : ""));
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("conversation", this.views.view(handed));
			data.put("trigger", trigger);
			data.put("team_id", teamId);
			data.put("assignee_id", assigneeId);
			data.put("reason", reason);
			event(SupportEvent.BOT_HANDOFF, handed, data);
			statusChanged(handed, current.status());
			return new HandoffResult(handed, true);
		});
		if (!result.changed()) {
			if (teamId != null || assigneeId != null) {
				return assign(conversationId, (assigneeId != null) ? assigneeId : current.assigneeId(),
						(teamId != null) ? teamId : current.teamId(), actorId);
			}
			return result.conversation();
		}
		// After the commit: a reply the bot had begun before the handoff stops now.
		this.chat.stopAny(conversationId);
		SupportConversation handed = result.conversation();
		if (handed.assigneeId() != null) {
			notifyHandedOff(handed, "assigned");
			return handed;
		}
		this.assigner.assignWaiting(inbox);
		handed = require(conversationId);
		if (handed.assigneeId() == null) {
			// Nobody took it: every agent (of its team, when it has one) hears of it.
			notifyHandedOff(handed, "handoff");
		}
		return handed;
	}

	private record HandoffResult(SupportConversation conversation, boolean changed) {
	}

	/** The bot answers the conversation again (a human gave it back). */
	public SupportConversation handBack(UUID conversationId, String actorId) {
		SupportConversation current = require(conversationId);
		if (!this.inboxes.require(current.inboxId()).hasBot()) {
			throw ProblemException.invalid("to", "this inbox has no bot to hand the conversation back to");
		}
		return this.groupCommit.execute((tx) -> {
			if (!this.repository.handToBot(conversationId, Jdbc.now(this.clock))) {
				return current;
			}
			SupportConversation back = require(conversationId);
			activity(back, "handback", true, actorId, "The assistant answers again");
			this.audit.record(actorId, "support_conversation.handback", "support_conversation",
					conversationId.toString(), null);
			event(SupportEvent.ASSIGNEE_CHANGED, back, assigneeData(back));
			statusChanged(back, current.status());
			return back;
		});
	}

	/**
	 * A human agent's reply: it takes the conversation from the bot if the bot answered
	 * (stopping a reply it had begun), is assigned to them if nobody was, ends the
	 * customer's wait and is the first response if none came before.
	 */
	public TimelineEntry agentReply(UUID conversationId, String content, String agentId) {
		SupportConversation current = require(conversationId);
		if (current.handler() == Handler.BOT) {
			handoff(conversationId, HandoffTrigger.AGENT, null, agentId, agentId, "replied");
		}
		TimelineEntry entry = this.groupCommit.execute((tx) -> {
			SupportConversation before = require(conversationId);
			Message message = this.conversations.appendAgentMessage(conversationId, content);
			this.authors.record(message.id(), conversationId, agentId);
			Instant now = message.createdAt();
			boolean first = before.firstReplyAt() == null;
			SupportConversation updated = new SupportConversation(before.conversationId(), before.inboxId(),
					before.contactId(),
					(before.status() == SupportStatus.PENDING || before.status() == SupportStatus.RESOLVED)
							? SupportStatus.OPEN : before.status(),
					before.priority(), before.handler(), before.botStarted(),
					(before.assigneeId() != null) ? before.assigneeId() : agentId, before.teamId(),
					before.snoozedUntil(), null, first ? now : before.firstReplyAt(), before.handedOffAt(),
					before.resolvedAt(), before.botReplies(), before.botFailures(), before.createdAt(), now,
					before.labels());
			this.repository.update(updated);
			TimelineEntry created = this.timeline.entry(message, agentId);
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("conversation_id", conversationId);
			data.put("entry", created);
			if (first && before.handedOffAt() != null) {
				data.put("first_response_seconds", Duration.between(before.handedOffAt(), now).toMillis() / 1000.0);
			}
			this.publisher.publishEvent(
					new SupportEvent(SupportEvent.MESSAGE_CREATED, conversationId, updated.inboxId(), data, now));
			customer(updated, "message.created", created);
			if (before.assigneeId() == null) {
				event(SupportEvent.ASSIGNEE_CHANGED, updated, assigneeData(updated));
			}
			if (updated.status() != before.status()) {
				statusChanged(updated, before.status());
			}
			return created;
		});
		return entry;
	}

	/** A private note: for the staff only, never for the customer or the model. */
	public TimelineEntry note(UUID conversationId, String content, String agentId) {
		SupportConversation current = require(conversationId);
		return this.groupCommit.execute((tx) -> {
			Activity note = new Activity(this.ids.next(), conversationId, Activity.Kind.NOTE, "note", false, agentId,
					content, Jdbc.now(this.clock));
			this.activities.insert(note);
			TimelineEntry entry = this.timeline.entry(note);
			this.publisher.publishEvent(new SupportEvent(SupportEvent.MESSAGE_CREATED, conversationId,
					current.inboxId(), Map.of("conversation_id", conversationId, "entry", entry), note.createdAt()));
			return entry;
		});
	}

	/**
	 * Assigns the conversation to a human agent and/or a team (null clears each); the
	 * assignee is told.
	 */
	public SupportConversation assign(UUID conversationId, @Nullable String assigneeId, @Nullable UUID teamId,
			@Nullable String actorId) {
		if (assigneeId != null) {
			this.members.require("assignee_id", assigneeId);
		}
		if (teamId != null) {
			this.teams.require(teamId);
		}
		SupportConversation assigned = this.groupCommit.execute((tx) -> {
			SupportConversation current = require(conversationId);
			if (Objects.equals(current.assigneeId(), assigneeId) && Objects.equals(current.teamId(), teamId)) {
				return current;
			}
			SupportConversation updated = new SupportConversation(current.conversationId(), current.inboxId(),
					current.contactId(), current.status(), current.priority(), current.handler(), current.botStarted(),
					assigneeId, teamId, current.snoozedUntil(), current.waitingSince(), current.firstReplyAt(),
					current.handedOffAt(), current.resolvedAt(), current.botReplies(), current.botFailures(),
					current.createdAt(), Jdbc.now(this.clock), current.labels());
			this.repository.update(updated);
			String text = (assigneeId != null) ? "Assigned to " + this.views.staffName(assigneeId)
					: (teamId != null) ? "Assigned to team " + this.teams.require(teamId).name() : "Unassigned";
			activity(updated, "assigned", false, actorId, text);
			this.audit.record((actorId != null) ? actorId : "system", "support_conversation.assign",
					"support_conversation", conversationId.toString(), text);
			event(SupportEvent.ASSIGNEE_CHANGED, updated, assigneeData(updated));
			return updated;
		});
		if (assigneeId != null && !assigneeId.equals(actorId)) {
			notifyHandedOff(assigned, "assigned");
		}
		return assigned;
	}

	/** Assigns by auto-assignment (no actor), if still unassigned. */
	void autoAssigned(UUID conversationId, String assigneeId) {
		SupportConversation updated = require(conversationId);
		activity(updated, "assigned", false, null, "Assigned to " + this.views.staffName(assigneeId) + " (auto)");
		this.audit.record("system", "support_conversation.assign", "support_conversation", conversationId.toString(),
				"auto: " + assigneeId);
		event(SupportEvent.ASSIGNEE_CHANGED, updated, assigneeData(updated));
		notifyHandedOff(updated, "assigned");
	}

	/** The changes of a {@code PATCH}: status (and snooze), priority, labels. */
	public record Changes(@Nullable SupportStatus status, @Nullable Priority priority, @Nullable List<String> labels,
			@Nullable Instant snoozedUntil) {
	}

	public SupportConversation update(UUID conversationId, Changes changes, String actorId) {
		List<String> labels = (changes.labels() != null) ? checkedLabels(changes.labels()) : null;
		SupportConversation updated = this.groupCommit.execute((tx) -> {
			SupportConversation current = require(conversationId);
			Instant now = Jdbc.now(this.clock);
			SupportStatus status = (changes.status() != null) ? changes.status() : current.status();
			Instant snoozedUntil = current.snoozedUntil();
			if (changes.status() == SupportStatus.SNOOZED) {
				if (changes.snoozedUntil() == null || !changes.snoozedUntil().isAfter(now)) {
					throw ProblemException.invalid("snoozed_until", "is required in the future to snooze");
				}
				snoozedUntil = changes.snoozedUntil();
			}
			else if (changes.status() != null) {
				snoozedUntil = null;
			}
			if (status == SupportStatus.PENDING && current.handler() == Handler.HUMAN) {
				throw ProblemException.invalid("status",
						"'pending' means the bot answers; hand the conversation back to the bot instead");
			}
			if (status == SupportStatus.OPEN && current.handler() == Handler.BOT && changes.status() != null) {
				throw ProblemException.invalid("status", "the bot answers this conversation; take it over instead");
			}
			Instant resolvedAt = (status == SupportStatus.RESOLVED)
					? ((current.status() == SupportStatus.RESOLVED) ? current.resolvedAt() : now) : null;
			SupportConversation next = new SupportConversation(current.conversationId(), current.inboxId(),
					current.contactId(), status, (changes.priority() != null) ? changes.priority() : current.priority(),
					current.handler(), current.botStarted(), current.assigneeId(), current.teamId(), snoozedUntil,
					(status == SupportStatus.RESOLVED) ? null : current.waitingSince(), current.firstReplyAt(),
					current.handedOffAt(), resolvedAt, current.botReplies(), current.botFailures(), current.createdAt(),
					now, (labels != null) ? labels : current.labels());
			this.repository.update(next);
			if (labels != null) {
				this.repository.replaceLabels(conversationId, labels);
			}
			if (status != current.status()) {
				activity(next, "status", status == SupportStatus.RESOLVED, actorId, statusText(next));
				this.audit.record(actorId, "support_conversation.status", "support_conversation",
						conversationId.toString(), status.name().toLowerCase(Locale.ROOT));
				statusChanged(next, current.status());
			}
			if (next.priority() != current.priority()) {
				activity(next, "priority", false, actorId, "Priority " + lower(next.priority()));
			}
			if (labels != null && !labels.equals(current.labels())) {
				activity(next, "labels", false, actorId,
						labels.isEmpty() ? "No labels" : "Labels: " + String.join(", ", labels));
			}
			if (next.priority() != current.priority() || labels != null) {
				this.audit.record(actorId, "support_conversation.update", "support_conversation",
						conversationId.toString(), "priority " + next.priority() + ", labels " + next.labels());
				event(SupportEvent.CONVERSATION_UPDATED, next, Map.of("conversation", this.views.view(next)));
			}
			return next;
		});
		if (updated.status() == SupportStatus.RESOLVED && updated.assigneeId() != null) {
			// Capacity freed: the next waiting conversation of the inbox may go to
			// someone.
			this.assigner.assignWaiting(this.inboxes.require(updated.inboxId()));
		}
		return updated;
	}

	/** Wakes a snoozed conversation whose time came (the snooze job). */
	boolean wake(UUID conversationId) {
		return Boolean.TRUE.equals(this.groupCommit.execute((tx) -> {
			SupportConversation current = require(conversationId);
			Instant now = Jdbc.now(this.clock);
			if (current.status() != SupportStatus.SNOOZED || current.snoozedUntil() == null
					|| current.snoozedUntil().isAfter(now)) {
				return false;
			}
			SupportStatus status = (current.handler() == Handler.BOT) ? SupportStatus.PENDING : SupportStatus.OPEN;
			SupportConversation woken = new SupportConversation(current.conversationId(), current.inboxId(),
					current.contactId(), status, current.priority(), current.handler(), current.botStarted(),
					current.assigneeId(), current.teamId(), null, current.waitingSince(), current.firstReplyAt(),
					current.handedOffAt(), current.resolvedAt(), current.botReplies(), current.botFailures(),
					current.createdAt(), now, current.labels());
			this.repository.update(woken);
			activity(woken, "reopened", false, null, "The snooze ended; the conversation is " + lower(status));
			this.audit.record("system", "support_conversation.status", "support_conversation",
					conversationId.toString(), "snooze ended: " + lower(status));
			statusChanged(woken, SupportStatus.SNOOZED);
			return true;
		}));
	}

	/**
	 * A bot reply ended: counts its failures and hands the conversation over when the
	 * inbox's rule says so, or when the model asked for a person with the marker.
	 */
	void botReplyEnded(UUID conversationId, Message reply) {
		SupportConversation current = this.repository.find(conversationId).orElse(null);
		if (current == null) {
			return;
		}
		Inbox inbox = this.inboxes.require(current.inboxId());
		boolean failed = reply.status() == MessageStatus.FAILED || reply.status() == MessageStatus.INTERRUPTED;
		int failures = this.repository.countBotFailure(conversationId, failed, Jdbc.now(this.clock));
		this.publisher.publishEvent(new SupportEvent(SupportEvent.MESSAGE_CREATED, conversationId, current.inboxId(),
				Map.of("conversation_id", conversationId, "entry", this.timeline.entry(reply, null)),
				reply.updatedAt()));
		if (current.handler() != Handler.BOT) {
			return;
		}
		if (reply.content().contains(HANDOFF_MARKER)) {
			handoff(conversationId, HandoffTrigger.MODEL, null, null, null, "the assistant asked for a person");
		}
		else if (failed && inbox.handoffAfterFailures() > 0 && failures >= inbox.handoffAfterFailures()) {
			handoff(conversationId, HandoffTrigger.RULE, null, null, null, failures + " failed answers in a row");
		}
	}

	/** Someone is typing: the staff hear the customer, the customer hears an agent. */
	public void typing(SupportConversation conversation, boolean byCustomer, @Nullable String agentId, boolean typing) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversation_id", conversation.conversationId());
		data.put("actor", byCustomer ? "customer" : "agent");
		data.put("actor_id", byCustomer ? conversation.contactId().toString() : agentId);
		data.put("typing", typing);
		if (byCustomer) {
			this.publisher.publishEvent(new StaffSignal(StaffSignal.TYPING, conversation.conversationId(), data));
		}
		else {
			this.publisher.publishEvent(new StaffSignal(StaffSignal.TYPING, conversation.conversationId(), data));
			this.publisher.publishEvent(new CustomerEvent(conversation.conversationId(),
					Contact.ownerOf(conversation.contactId()), "typing", Map.of("actor", "agent", "typing", typing)));
		}
	}

	Timeline timeline() {
		return this.timeline;
	}

	private void notifyHandedOff(SupportConversation conversation, String reason) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversation_id", conversation.conversationId());
		data.put("reason", reason);
		data.put("to_user_id", conversation.assigneeId());
		data.put("to_team_id", conversation.teamId());
		data.put("conversation", this.views.view(conversation));
		this.publisher.publishEvent(new StaffSignal(StaffSignal.NOTIFICATION, conversation.conversationId(), data));
	}

	private void activity(SupportConversation conversation, String event, boolean visibleToCustomer,
			@Nullable String actorId, String content) {
		Activity activity = new Activity(this.ids.next(), conversation.conversationId(), Activity.Kind.ACTIVITY, event,
				visibleToCustomer, actorId, content, Jdbc.now(this.clock));
		this.activities.insert(activity);
		TimelineEntry entry = this.timeline.entry(activity);
		this.publisher.publishEvent(new SupportEvent(SupportEvent.MESSAGE_CREATED, conversation.conversationId(),
				conversation.inboxId(), Map.of("conversation_id", conversation.conversationId(), "entry", entry),
				activity.createdAt()));
		if (visibleToCustomer) {
			customer(conversation, "message.created", TimelineEntry.of(activity, null));
		}
	}

	private void statusChanged(SupportConversation conversation, SupportStatus previous) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversation", this.views.view(conversation));
		data.put("previous_status", previous);
		data.put("status", conversation.status());
		if (conversation.status() == SupportStatus.RESOLVED && conversation.resolvedAt() != null) {
			data.put("resolution_seconds",
					Duration.between(conversation.createdAt(), conversation.resolvedAt()).toMillis() / 1000.0);
			data.put("resolved_by", (conversation.handedOffAt() == null) ? "bot" : "human");
		}
		event(SupportEvent.CONVERSATION_STATUS_CHANGED, conversation, data);
		customer(conversation, "conversation.status_changed", Map.of("id", conversation.conversationId(), "status",
				conversation.status(), "handler", conversation.handler()));
	}

	private void event(String type, SupportConversation conversation, Map<String, Object> data) {
		this.publisher.publishEvent(new SupportEvent(type, conversation.conversationId(), conversation.inboxId(), data,
				Jdbc.now(this.clock)));
	}

	private void customer(SupportConversation conversation, String type, Object data) {
		this.publisher.publishEvent(new CustomerEvent(conversation.conversationId(),
				Contact.ownerOf(conversation.contactId()), type, data));
	}

	private Map<String, Object> assigneeData(SupportConversation conversation) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversation", this.views.view(conversation));
		data.put("assignee_id", conversation.assigneeId());
		data.put("team_id", conversation.teamId());
		return data;
	}

	private static SupportConversation with(SupportConversation c, SupportStatus status, @Nullable Instant waitingSince,
			Instant now) {
		return new SupportConversation(c.conversationId(), c.inboxId(), c.contactId(), status, c.priority(),
				c.handler(), c.botStarted(), c.assigneeId(), c.teamId(),
				(status == SupportStatus.SNOOZED) ? c.snoozedUntil() : null, waitingSince, c.firstReplyAt(),
				c.handedOffAt(), (status == SupportStatus.RESOLVED) ? c.resolvedAt() : null, c.botReplies(),
				c.botFailures(), c.createdAt(), now, c.labels());
	}

	private static List<String> checkedLabels(List<String> labels) {
		LinkedHashSet<String> distinct = new LinkedHashSet<>();
		for (String label : labels) {
			String stripped = (label != null) ? label.strip() : "";
			if (stripped.isEmpty() || stripped.length() > 50) {
				throw ProblemException.invalid("labels", "each label has 1 to 50 characters");
			}
			distinct.add(stripped);
		}
		if (distinct.size() > MAX_LABELS) {
			throw ProblemException.invalid("labels", "at most " + MAX_LABELS + " labels");
		}
		return List.copyOf(distinct);
	}

	private static String statusText(SupportConversation conversation) {
		return switch (conversation.status()) {
			case RESOLVED -> "The conversation was resolved";
			case SNOOZED -> "Snoozed until " + conversation.snoozedUntil();
			case OPEN -> "The conversation is open";
			case PENDING -> "The assistant answers";
		};
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}

package dev.parley.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.parley.conversation.tag.TagNames;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.Page;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/** The conversations API's use cases, each scoped to the current user. */
@Service
class ConversationService {

	private static final Set<MessageRole> PRESET_ROLES = Set.of(MessageRole.SYSTEM, MessageRole.USER,
			MessageRole.ASSISTANT);

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final CurrentUser currentUser;

	private final IdGenerator ids;

	private final ApplicationEventPublisher events;

	private final GroupCommit groupCommit;

	private final Clock clock;

	ConversationService(ConversationRepository conversations, MessageRepository messages, CurrentUser currentUser,
			IdGenerator ids, ApplicationEventPublisher events, GroupCommit groupCommit, Clock clock) {
		this.groupCommit = groupCommit;
		this.conversations = conversations;
		this.messages = messages;
		this.currentUser = currentUser;
		this.ids = ids;
		this.events = events;
		this.clock = clock;
	}

	/** A new conversation of the current user with these settings (each may be null). */
	Conversation create(String title, UUID agentId, String systemPrompt, List<PresetMessage> presetMessages) {
		List<PresetMessage> presets = checkPresets(presetMessages);
		Conversation conversation = Conversation.builder(this.ids.next(), this.currentUser.id())
			.title(strip(title))
			.titleSource((title != null) ? TitleSource.USER : null)
			.agentId(agentId)
			.systemPrompt(systemPrompt)
			.presetMessages(presets)
			.createdAt(Jdbc.now(this.clock))
			.build();
		this.groupCommit.execute((tx) -> {
			this.conversations.insert(conversation);
			return null;
		});
		return conversation;
	}

	Page<Conversation> list(int limit, String cursor, boolean archived) {
		return list(limit, cursor, archived, null, null);
	}

	Page<Conversation> list(int limit, String cursor, boolean archived, @Nullable String titleContains) {
		return list(limit, cursor, archived, titleContains, null);
	}

	/**
	 * {@code titleContains}: blank or null lists every conversation; {@code tag}: a tag
	 * name (ignoring case) the conversations carry, blank or null for any.
	 */
	Page<Conversation> list(int limit, String cursor, boolean archived, @Nullable String titleContains,
			@Nullable String tag) {
		ConversationCursor after = (cursor != null) ? ConversationCursor.decode(cursor) : null;
		String filter = (titleContains != null && !titleContains.isBlank()) ? titleContains.strip() : null;
		String tagKey = (tag != null && !tag.isBlank()) ? TagNames.key(TagNames.clean(tag, "tag")) : null;
		List<Conversation> rows = this.conversations.page(this.currentUser.id(), archived, filter, tagKey, after,
				limit + 1);
		return Page.of(rows, limit, (last) -> ConversationCursor.after(last).encode());
	}

	Conversation get(UUID id) {
		return this.conversations.find(id, this.currentUser.id()).orElseThrow(() -> notFound(id));
	}

	Conversation update(UUID id, ConversationRequests.Update request) {
		if (request.title() != null || request.pinned() != null || request.archived() != null) {
			boolean found = this.conversations.update(id, this.currentUser.id(), strip(request.title()),
					request.pinned(), request.archived(), Jdbc.now(this.clock));
			if (!found) {
				throw notFound(id);
			}
			return updated(get(id));
		}
		return get(id);
	}

	void delete(UUID id) {
		if (!this.conversations.delete(id, this.currentUser.id())) {
			throw notFound(id);
		}
		this.events.publishEvent(new ConversationDeleted(id));
	}

	Page<Message> messages(UUID id, int limit, UUID before) {
		get(id);
		return Page.of(this.messages.page(id, before, limit + 1), limit, (last) -> last.id().toString());
	}

	Conversation replaceContext(UUID id, ConversationRequests.Context request) {
		List<PresetMessage> presets = checkPresets(request.presetMessages());
		if (!this.conversations.replaceContext(id, this.currentUser.id(), request.systemPrompt(), presets,
				Jdbc.now(this.clock))) {
			throw notFound(id);
		}
		return updated(get(id));
	}

	Conversation clearContext(UUID id) {
		if (!this.conversations.clearContext(id, this.currentUser.id(), Jdbc.now(this.clock))) {
			throw notFound(id);
		}
		return updated(get(id));
	}

	/** Tells the other features (realtime subscribers) what changed. */
	private Conversation updated(Conversation conversation) {
		this.events.publishEvent(new ConversationUpdated(conversation));
		return conversation;
	}

	private static List<PresetMessage> checkPresets(List<PresetMessage> presets) {
		if (presets == null) {
			return List.of();
		}
		for (int i = 0; i < presets.size(); i++) {
			if (!PRESET_ROLES.contains(presets.get(i).role())) {
				throw ProblemException.invalid("preset_messages[" + i + "].role",
						"must be one of [system, user, assistant]");
			}
		}
		return presets;
	}

	private static String strip(String title) {
		return (title != null) ? title.strip() : null;
	}

	private static ProblemException notFound(UUID id) {
		return ProblemException.of(ConversationProblem.CONVERSATION_NOT_FOUND, "No conversation " + id);
	}

}

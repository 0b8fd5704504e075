package dev.parley.conversation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.Page;
import dev.parley.platform.audit.AuditLogRepository;
import dev.parley.platform.problem.ProblemException;

/**
 * The administrators' read-only browsing of conversations: each search is audited as
 * {@code conversation.search} with its query, each read of a conversation or its messages
 * as {@code conversation.view} with the owner.
 */
@Service
class AdminConversationService {

	private final AdminConversationRepository conversations;

	private final MessageRepository messages;

	private final ConversationViews views;

	private final AuditLogRepository audit;

	private final CurrentUser currentUser;

	AdminConversationService(AdminConversationRepository conversations, MessageRepository messages,
			ConversationViews views, AuditLogRepository audit, CurrentUser currentUser) {
		this.conversations = conversations;
		this.messages = messages;
		this.views = views;
		this.audit = audit;
		this.currentUser = currentUser;
	}

	Page<AdminConversationView> search(@Nullable String q, @Nullable String ownerId, int limit,
			@Nullable String cursor) {
		String search = (q != null && !q.isBlank()) ? q.strip() : null;
		AdminConversationCursor after = (cursor != null) ? AdminConversationCursor.decode(cursor) : null;
		List<AdminConversationRepository.Owned> rows = this.conversations.page(search, ownerId, after, limit + 1);
		this.audit.record(this.currentUser.id(), "conversation.search", "conversation", null,
				"q=" + ((search != null) ? search : "") + " owner_id=" + ((ownerId != null) ? ownerId : ""));
		return Page.of(rows, limit, (last) -> AdminConversationCursor.after(last.conversation()).encode())
			.map(this::view);
	}

	AdminConversationView get(UUID id) {
		return view(viewed(id));
	}

	Page<Message> messages(UUID id, int limit, @Nullable UUID before) {
		viewed(id);
		return Page.of(this.messages.page(id, before, limit + 1), limit, (last) -> last.id().toString());
	}

	private AdminConversationRepository.Owned viewed(UUID id) {
		AdminConversationRepository.Owned owned = this.conversations.find(id)
			.orElseThrow(
					() -> ProblemException.of(ConversationProblem.CONVERSATION_NOT_FOUND, "No conversation " + id));
		this.audit.record(this.currentUser.id(), "conversation.view", "conversation", id.toString(),
				"owner_id=" + owned.conversation().ownerId());
		return owned;
	}

	private AdminConversationView view(AdminConversationRepository.Owned owned) {
		return AdminConversationView.of(this.views.of(owned.conversation()), owned);
	}

}

package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A conversation: its owner, title, context (system prompt and preset messages), the
 * instant from which history is part of the model's context ({@code contextStart}, moved
 * by "clear context", and for an expired conversation the moment it expired), its status
 * as of when it was read and when a message was last sent or answered in it
 * ({@code lastActiveAt}), and where its title came from ({@code titleSource}, null
 * without a title).
 */
public record Conversation(UUID id, String ownerId, String title, UUID agentId, String systemPrompt,
		List<PresetMessage> presetMessages, Instant contextStart, boolean pinned, boolean archived,
		ConversationStatus status, Instant createdAt, Instant updatedAt, Instant lastActiveAt,
		@Nullable TitleSource titleSource) {

	/**
	 * Builds a conversation part by part rather than by position. A part left unset is
	 * absent (title, agent, system prompt, context start), empty (preset messages), false
	 * (pinned, archived) or {@code ACTIVE} (status); {@code updatedAt} and
	 * {@code lastActiveAt} default to {@code createdAt}.
	 */
	static Builder builder(UUID id, String ownerId) {
		return new Builder(id, ownerId);
	}

	/** Builds a {@link Conversation}; see {@link Conversation#builder}. */
	static final class Builder {

		private final UUID id;

		private final String ownerId;

		private String title;

		private UUID agentId;

		private String systemPrompt;

		private List<PresetMessage> presetMessages = List.of();

		private Instant contextStart;

		private boolean pinned;

		private boolean archived;

		private ConversationStatus status = ConversationStatus.ACTIVE;

		private Instant createdAt;

		private Instant updatedAt;

		private Instant lastActiveAt;

		private @Nullable TitleSource titleSource;

		private Builder(UUID id, String ownerId) {
			this.id = id;
			this.ownerId = ownerId;
		}

		Builder title(String title) {
			this.title = title;
			return this;
		}

		Builder agentId(UUID agentId) {
			this.agentId = agentId;
			return this;
		}

		Builder systemPrompt(String systemPrompt) {
			this.systemPrompt = systemPrompt;
			return this;
		}

		Builder presetMessages(List<PresetMessage> presetMessages) {
			this.presetMessages = presetMessages;
			return this;
		}

		Builder contextStart(Instant contextStart) {
			this.contextStart = contextStart;
			return this;
		}

		Builder pinned(boolean pinned) {
			this.pinned = pinned;
			return this;
		}

		Builder archived(boolean archived) {
			this.archived = archived;
			return this;
		}

		Builder status(ConversationStatus status) {
			this.status = status;
			return this;
		}

		Builder createdAt(Instant createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		Builder updatedAt(Instant updatedAt) {
			this.updatedAt = updatedAt;
			return this;
		}

		Builder lastActiveAt(Instant lastActiveAt) {
			this.lastActiveAt = lastActiveAt;
			return this;
		}

		Builder titleSource(@Nullable TitleSource titleSource) {
			this.titleSource = titleSource;
			return this;
		}

		Conversation build() {
			return new Conversation(this.id, this.ownerId, this.title, this.agentId, this.systemPrompt,
					this.presetMessages, this.contextStart, this.pinned, this.archived, this.status, this.createdAt,
					(this.updatedAt != null) ? this.updatedAt : this.createdAt,
					(this.lastActiveAt != null) ? this.lastActiveAt : this.createdAt, this.titleSource);
		}

	}

}

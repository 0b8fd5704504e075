package dev.parley.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import dev.parley.agent.AgentCatalog;
import dev.parley.agent.AgentProfile;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;

/** {@link StaffConversations} over the conversation tables. */
@Component
class StaffConversationAccess implements StaffConversations {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final AgentCatalog agents;

	private final IdGenerator ids;

	private final TransactionOperations transactions;

	private final Clock clock;

	StaffConversationAccess(ConversationRepository conversations, MessageRepository messages, AgentCatalog agents,
			IdGenerator ids, TransactionOperations transactions, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.agents = agents;
		this.ids = ids;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Conversation start(String ownerId, @Nullable UUID agentId, @Nullable String title) {
		AgentProfile agent = (agentId != null) ? this.agents.find(agentId).orElseGet(this.agents::defaultAgent)
				: this.agents.defaultAgent();
		List<PresetMessage> presets = agent.presetMessages()
			.stream()
			.map((message) -> new PresetMessage(MessageRole.valueOf(message.role().toUpperCase(Locale.ROOT)),
					message.content()))
			.toList();
		Conversation conversation = Conversation.builder(this.ids.next(), ownerId)
			.title((title != null && !title.isBlank()) ? title.strip() : null)
			.agentId(agent.id())
			.systemPrompt(agent.systemPrompt())
			.presetMessages(presets)
			.createdAt(Jdbc.now(this.clock))
			.build();
		this.conversations.insert(conversation);
		return conversation;
	}

	@Override
	public Optional<Conversation> find(UUID conversationId) {
		return this.conversations.find(conversationId);
	}

	@Override
	public Message appendAgentMessage(UUID conversationId, String content) {
		return this.transactions.execute((status) -> {
			Instant now = Jdbc.now(this.clock);
			UUID parent = this.messages.page(conversationId, null, 1)
				.stream()
				.findFirst()
				.map(Message::id)
				.orElse(null);
			Message message = new Message(this.ids.next(), conversationId, parent, MessageRole.AGENT, content,
					MessageStatus.COMPLETE, null, null, null, null, null, false, now, now);
			this.messages.insert(message, null);
			this.conversations.touch(conversationId, now);
			return message;
		});
	}

	@Override
	public List<Message> page(UUID conversationId, @Nullable UUID before, int limit) {
		return this.messages.page(conversationId, before, limit);
	}

	@Override
	public Optional<Message> latest(UUID conversationId) {
		return this.messages.page(conversationId, null, 1).stream().findFirst();
	}

	@Override
	public int transferOwner(String fromOwner, String toOwner) {
		return this.conversations.transferOwner(fromOwner, toOwner);
	}

}

package dev.parley.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/** {@link ChatHistory} on the relational store, through the two repositories. */
@Component
class DefaultChatHistory implements ChatHistory {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final CurrentUser currentUser;

	private final IdGenerator ids;

	private final TransactionOperations transactions;

	private final GroupCommit groupCommit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DefaultChatHistory(ConversationRepository conversations, MessageRepository messages, CurrentUser currentUser,
			IdGenerator ids, TransactionOperations transactions, GroupCommit groupCommit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.groupCommit = groupCommit;
		this.conversations = conversations;
		this.messages = messages;
		this.currentUser = currentUser;
		this.ids = ids;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Conversation requireConversation(UUID conversationId) {
		return this.conversations.find(conversationId, this.currentUser.id())
			.orElseThrow(() -> ProblemException.of(ConversationProblem.CONVERSATION_NOT_FOUND,
					"No conversation " + conversationId));
	}

	@Override
	public Message requireMessage(UUID conversationId, UUID messageId) {
		return this.messages.find(conversationId, messageId)
			.orElseThrow(() -> ProblemException.of(ConversationProblem.MESSAGE_NOT_FOUND,
					"No message " + messageId + " in conversation " + conversationId));
	}

	@Override
	public Optional<Message> latestMessage(UUID conversationId) {
		return this.messages.page(conversationId, null, 1).stream().findFirst();
	}

	@Override
	public List<Message> branch(UUID conversationId, UUID leafId, Instant notBefore, int maxMessages) {
		return this.messages.branch(conversationId, leafId, notBefore, maxMessages);
	}

	@Override
	public Message appendUserMessage(UUID conversationId, UUID parentId, String content) {
		Instant now = Jdbc.now(this.clock);
		Message message = new Message(this.ids.next(), conversationId, parentId, MessageRole.USER, content,
				MessageStatus.COMPLETE, null, null, null, null, null, false, now, now);
		this.transactions.executeWithoutResult((status) -> {
			this.messages.insert(message, null);
			String title = AutoTitle.from(content);
			if (title != null) {
				this.conversations.touchAndTitle(conversationId, now, title);
			}
			else {
				this.conversations.touch(conversationId, now);
			}
		});
		return message;
	}

	@Override
	public Message startAssistantMessage(UUID conversationId, UUID parentId, String model, String provider,
			String instanceId) {
		Instant now = Jdbc.now(this.clock);
		Message message = new Message(this.ids.next(), conversationId, parentId, MessageRole.ASSISTANT, "",
				MessageStatus.STREAMING, model, provider, null, null, null, false, now, now);
		this.messages.insert(message, instanceId);
		return message;
	}

	@Override
	public void checkpoint(Map<UUID, String> partialContents) {
		Instant now = Jdbc.now(this.clock);
		// One transaction, so one commit (one log flush, one H2 chunk) for the whole
		// batch; on H2 shared with the replies that end meanwhile, whose rows it also
		// updates (two transactions would deadlock on them).
		this.groupCommit.execute((tx) -> {
			this.messages.checkpoint(partialContents, now);
			return null;
		});
	}

	@Override
	public Optional<Message> finishAssistantMessage(Message reply, ReplyEnding ending) {
		Instant now = Jdbc.now(this.clock);
		Optional<Message> stored = this.transactions.execute((tx) -> {
			if (!this.messages.finish(reply.conversationId(), reply.id(), ending, now)) {
				return Optional.empty();
			}
			this.conversations.touch(reply.conversationId(), now);
			return Optional.of(new Message(reply.id(), reply.conversationId(), reply.parentId(), reply.role(),
					(ending.content() != null) ? ending.content() : "", ending.status(), ending.model(),
					ending.provider(), ending.promptTokens(), ending.completionTokens(), ending.finishReason(),
					ending.cached(), reply.createdAt(), now));
		});
		if (stored != null && stored.isPresent() && stored.get().status() == MessageStatus.COMPLETE) {
			// Hands the title over to the background; returns at once.
			this.events.publishEvent(new ReplyCompleted(stored.get()));
		}
		return (stored != null) ? stored : Optional.empty();
	}

	@Override
	public List<Message> interruptStreaming(String instanceId) {
		return this.messages.interruptByInstance(instanceId, Jdbc.now(this.clock));
	}

	@Override
	public List<Message> interruptStale(Instant before) {
		return this.messages.interruptStale(before, Jdbc.now(this.clock));
	}

	@Override
	public int interrupt(Collection<UUID> messageIds) {
		return messageIds.isEmpty() ? 0 : this.messages.interrupt(messageIds, Jdbc.now(this.clock));
	}

}

package dev.parley.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Conversations that staff work in on someone else's behalf (customer service): started
 * for an owner that is not the caller, read and answered by human agents. The callers
 * decide who may do so; nothing here checks the current user.
 */
public interface StaffConversations {

	/**
	 * A new conversation owned by {@code ownerId}, with the settings of its agent copied
	 * into it (system prompt, preset messages), as a conversation started from that
	 * agent.
	 * @param agentId the agent that answers for the AI, or null for the default agent
	 */
	Conversation start(String ownerId, @Nullable UUID agentId, @Nullable String title);

	/** The conversation, whoever owns it. */
	Optional<Conversation> find(UUID conversationId);

	/**
	 * Stores a human agent's reply (role {@code agent}, complete) after the newest
	 * message and touches the conversation, in the caller's transaction when there is
	 * one.
	 */
	Message appendAgentMessage(UUID conversationId, String content);

	/** Messages newest first, strictly older than {@code before} when given. */
	List<Message> page(UUID conversationId, @Nullable UUID before, int limit);

	/** The newest message of the conversation. */
	Optional<Message> latest(UUID conversationId);

	/**
	 * Gives every conversation of {@code fromOwner} to {@code toOwner} (merged contacts).
	 */
	int transferOwner(String fromOwner, String toOwner);

}

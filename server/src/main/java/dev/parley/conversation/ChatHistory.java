package dev.parley.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the chat feature needs from conversations: ownership-checked lookups, the branch
 * that forms a reply's context, and the writes of a generation's lifecycle.
 */
public interface ChatHistory {

	/**
	 * The conversation if the current user owns it.
	 * @throws dev.parley.platform.problem.ProblemException with
	 * {@code CONVERSATION_NOT_FOUND} otherwise
	 */
	Conversation requireConversation(UUID conversationId);

	/**
	 * A message of that conversation.
	 * @throws dev.parley.platform.problem.ProblemException with {@code MESSAGE_NOT_FOUND}
	 * otherwise
	 */
	Message requireMessage(UUID conversationId, UUID messageId);

	/** The newest message of the conversation (highest id), whatever its status. */
	Optional<Message> latestMessage(UUID conversationId);

	/**
	 * The chain of ancestors ending at {@code leafId} (inclusive), oldest first,
	 * following {@code parent_id}; it stops before a message created before
	 * {@code notBefore} (the conversation's context start, may be null) and holds at most
	 * {@code maxMessages} of the newest.
	 */
	List<Message> branch(UUID conversationId, UUID leafId, Instant notBefore, int maxMessages);

	/**
	 * Stores a complete user message, touches the conversation's {@code updated_at} and,
	 * if the conversation has no title yet, derives one from the content.
	 */
	Message appendUserMessage(UUID conversationId, UUID parentId, String content);

	/**
	 * Inserts the assistant message of a starting generation with status STREAMING and no
	 * content.
	 */
	Message startAssistantMessage(UUID conversationId, UUID parentId, String model, String provider, String instanceId);

	/**
	 * Saves the text received so far for messages still STREAMING (one batch, one
	 * transaction) and refreshes their {@code updated_at}, the generation's lease.
	 */
	void checkpoint(Map<UUID, String> partialContents);

	/**
	 * Writes the final state of an assistant message, once, when its generation ends, and
	 * returns the message as stored (without reading it back); empty, and nothing
	 * written, when it is no longer in its conversation (which was deleted meanwhile).
	 * @param reply the message as {@link #startAssistantMessage} stored it
	 */
	Optional<Message> finishAssistantMessage(Message reply, ReplyEnding ending);

	/**
	 * On start-up: this instance's messages left STREAMING by a crash become INTERRUPTED.
	 * @return the messages changed, with the text of their last checkpoint
	 */
	List<Message> interruptStreaming(String instanceId);

	/**
	 * Any instance's STREAMING messages whose lease ran out before {@code before} become
	 * INTERRUPTED.
	 * @return the messages this call changed, with the text of their last checkpoint
	 */
	List<Message> interruptStale(Instant before);

	/**
	 * These messages, if still STREAMING, become INTERRUPTED with the text of their last
	 * checkpoint: replies whose final state could not be stored.
	 */
	int interrupt(Collection<UUID> messageIds);

}

package dev.parley.chat;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.Message;

/**
 * The chat operations for channels other than the REST API (the WebSocket), with the same
 * checks, limits, quota and problems as their REST routes, for the current user.
 */
public interface ChatCommands {

	/**
	 * Sends a user message and starts its reply, as {@code POST
	 * /api/v1/conversations/{id}/messages} does; the reply is followed through
	 * {@link ReplyFeed}.
	 * @throws dev.parley.platform.problem.ProblemException whatever the REST send answers
	 * (nothing is written then)
	 */
	SentMessage send(UUID conversationId, SendMessageRequest request);

	/**
	 * Sends a user message and waits for its reply, as the JSON answer of {@code POST
	 * /api/v1/conversations/{id}/messages} does.
	 * @return the reply as stored (complete, or stopped by another request)
	 * @throws dev.parley.platform.problem.ProblemException what that route answers:
	 * {@code upstream-failed} and {@code upstream-rate-limited} (with a retry delay) when
	 * the providers failed (the user message and the failed reply are kept),
	 * {@code reply-timeout} when the reply takes longer than
	 * {@code parley.chat.reply-timeout}, and the problems of {@link #send}
	 */
	Message sendAndWait(UUID conversationId, SendMessageRequest request);

	/**
	 * Sends a user message and starts its reply only if {@code gate} lets the AI answer:
	 * otherwise the message is stored alone and {@link SentMessage#replyId()} is null.
	 * @throws dev.parley.platform.problem.ProblemException whatever the REST send answers
	 * (nothing is written then)
	 */
	SentMessage send(UUID conversationId, SendMessageRequest request, ReplyGate gate);

	/**
	 * Stops the running reply and answers with it as stored ({@code stopped}), as
	 * {@code POST /api/v1/conversations/{id}/stop} does.
	 * @throws dev.parley.platform.problem.ProblemException {@code no-generation} when
	 * nothing runs, or what the REST stop answers otherwise
	 */
	Message stop(UUID conversationId);

	/**
	 * Stops the conversation's running reply wherever it runs, without waiting for it and
	 * without checking who owns the conversation: for staff who take a conversation over
	 * from the AI. Nothing happens when no reply runs.
	 */
	void stopAny(UUID conversationId);

	/**
	 * A message sent: its conversation, the user message stored and the reply being
	 * generated (null when a {@link ReplyGate} kept the AI silent).
	 */
	record SentMessage(UUID conversationId, UUID userMessageId, @Nullable UUID replyId) {
	}

}

package dev.parley.chat;

import java.io.IOException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Follows a conversation's replies as {@code GET /api/v1/conversations/{id}/stream} does,
 * for channels other than SSE (the WebSocket): replay after a last event id, then live; a
 * reply the event log no longer holds is rebuilt from the database as its terminal event.
 */
public interface ReplyFeed {

	/**
	 * Checks a subscription for the current user: the conversation is theirs and
	 * {@code lastEventId} (may be null or blank) is a well-formed id of one of its
	 * messages.
	 * @throws dev.parley.platform.problem.ProblemException
	 * {@code conversation-not-found}, {@code message-not-found} or
	 * {@code invalid-request}, exactly as the SSE stream answers them
	 */
	FeedPosition position(UUID conversationId, @Nullable String lastEventId);

	/**
	 * Delivers the conversation's replies from {@code position} to {@code sink}: the rest
	 * of the reply the position is in, then each reply that follows, until the thread is
	 * interrupted or the sink fails.
	 */
	void follow(FeedPosition position, ReplySink sink) throws IOException, InterruptedException;

	/**
	 * Delivers one reply from {@code position} to {@code sink}: the rest of the reply the
	 * position is in (or, with no event named, the running or else the next reply), and
	 * returns after its terminal event, as the SSE answer of a send does.
	 */
	void followReply(FeedPosition position, ReplySink sink) throws IOException, InterruptedException;

}

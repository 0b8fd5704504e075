package dev.parley.compat.reply;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatCommands;
import dev.parley.chat.ChatProblem;
import dev.parley.chat.SendMessageRequest;
import dev.parley.compat.session.CompatSession;
import dev.parley.compat.session.CompatSessions;
import dev.parley.conversation.Message;
import dev.parley.platform.problem.ProblemException;

/**
 * An old client's message to a session, through the chat core ({@link ChatCommands}): the
 * session is opened (made on first use), the message sent with the core's checks, limits
 * and quota; a session made for a message the core refuses is removed again.
 */
@Component
public class CompatChat {

	private final CompatSessions sessions;

	private final ChatCommands chat;

	CompatChat(CompatSessions sessions, ChatCommands chat) {
		this.sessions = sessions;
		this.chat = chat;
	}

	/**
	 * Sends {@code message} and waits for the stored reply.
	 * @param sessionId the client's session id (checked), or null for a new session
	 */
	public Answered ask(@Nullable String sessionId, @Nullable String message) {
		String content = requireContent(message);
		CompatSessions.Opened opened = this.sessions.open(sessionId);
		try {
			Message reply = this.chat.sendAndWait(opened.session().conversationId(), request(content));
			return new Answered(opened.session(), reply);
		}
		catch (ProblemException ex) {
			discardIfUnused(opened, ex);
			throw ex;
		}
	}

	/** Sends {@code message} and returns as soon as its reply started. */
	public Started start(@Nullable String sessionId, @Nullable String message) {
		String content = requireContent(message);
		CompatSessions.Opened opened = this.sessions.open(sessionId);
		try {
			ChatCommands.SentMessage sent = this.chat.send(opened.session().conversationId(), request(content));
			return new Started(opened.session(), sent.replyId());
		}
		catch (ProblemException ex) {
			this.sessions.discard(opened);
			throw ex;
		}
	}

	/**
	 * A session made by this request is removed when the message was refused before it
	 * was stored; once the user message is stored (the provider failed afterwards) the
	 * session keeps it.
	 */
	private void discardIfUnused(CompatSessions.Opened opened, ProblemException failure) {
		boolean stored = failure.type().equals(ChatProblem.UPSTREAM_FAILED)
				|| failure.type().equals(ChatProblem.UPSTREAM_RATE_LIMITED)
				|| failure.type().equals(ChatProblem.REPLY_TIMEOUT);
		if (!stored) {
			this.sessions.discard(opened);
		}
	}

	private static SendMessageRequest request(String content) {
		return new SendMessageRequest(content, null, null, null);
	}

	private static String requireContent(@Nullable String message) {
		if (message == null || message.isBlank()) {
			throw ProblemException.of(ChatProblem.EMPTY_MESSAGE, "message must not be empty");
		}
		return message;
	}

	/** A reply stored in a session. */
	public record Answered(CompatSession session, Message reply) {
	}

	/** A reply started in a session; {@code replyId} is its generation. */
	public record Started(CompatSession session, UUID replyId) {
	}

}

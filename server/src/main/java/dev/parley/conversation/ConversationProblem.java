package dev.parley.conversation;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of conversations and their messages.
 */
public final class ConversationProblem {

	public static final ProblemType CONVERSATION_NOT_FOUND = new ProblemType("conversation-not-found",
			HttpStatus.NOT_FOUND, "Conversation not found");

	public static final ProblemType MESSAGE_NOT_FOUND = new ProblemType("message-not-found", HttpStatus.NOT_FOUND,
			"Message not found");

	private ConversationProblem() {
	}

}

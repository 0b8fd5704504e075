package dev.parley.conversation;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of conversations and their messages.
 */
public enum ConversationProblem implements ProblemType {

	CONVERSATION_NOT_FOUND("conversation-not-found", HttpStatus.NOT_FOUND, "Conversation not found"),
	MESSAGE_NOT_FOUND("message-not-found", HttpStatus.NOT_FOUND, "Message not found");

	private final Definition definition;

	ConversationProblem(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	@Override
	public Definition definition() {
		return this.definition;
	}

}

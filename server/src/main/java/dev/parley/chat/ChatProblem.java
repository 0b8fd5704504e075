package dev.parley.chat;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of sending a message and generating its reply.
 */
public enum ChatProblem implements ProblemType {

	EMPTY_MESSAGE("empty-message", HttpStatus.BAD_REQUEST, "Empty message"),
	GENERATION_IN_PROGRESS("generation-in-progress", HttpStatus.CONFLICT, "A reply is already being generated"),
	NO_GENERATION("no-generation", HttpStatus.CONFLICT, "No reply is being generated"),
	UPSTREAM_FAILED("upstream-failed", HttpStatus.BAD_GATEWAY, "The model provider failed"),
	REPLY_TIMEOUT("reply-timeout", HttpStatus.GATEWAY_TIMEOUT, "The reply took too long");

	private final Definition definition;

	ChatProblem(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	@Override
	public Definition definition() {
		return this.definition;
	}

}

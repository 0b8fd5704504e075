package dev.parley.agent;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of agents and saved contexts.
 */
public enum AgentProblem implements ProblemType {

	AGENT_NOT_FOUND("agent-not-found", HttpStatus.NOT_FOUND, "Agent not found"),
	AGENT_NAME_TAKEN("agent-name-taken", HttpStatus.CONFLICT, "An agent with this name exists"),
	DEFAULT_AGENT_UNDELETABLE("default-agent-undeletable", HttpStatus.CONFLICT, "The default agent cannot be deleted"),
	CONTEXT_NOT_FOUND("context-not-found", HttpStatus.NOT_FOUND, "Saved context not found"),
	CONTEXT_NAME_TAKEN("context-name-taken", HttpStatus.CONFLICT, "A saved context with this name exists"),
	TOO_MANY_AGENTS("too-many-agents", HttpStatus.CONFLICT, "Too many agents"),
	TOO_MANY_CONTEXTS("too-many-contexts", HttpStatus.CONFLICT, "Too many saved contexts");

	private final Definition definition;

	AgentProblem(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	@Override
	public Definition definition() {
		return this.definition;
	}

}

package dev.parley.agent;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of agents and saved contexts.
 */
public final class AgentProblem {

	public static final ProblemType AGENT_NOT_FOUND = new ProblemType("agent-not-found", HttpStatus.NOT_FOUND,
			"Agent not found");

	public static final ProblemType AGENT_NAME_TAKEN = new ProblemType("agent-name-taken", HttpStatus.CONFLICT,
			"An agent with this name exists");

	public static final ProblemType DEFAULT_AGENT_UNDELETABLE = new ProblemType("default-agent-undeletable",
			HttpStatus.CONFLICT, "The default agent cannot be deleted");

	public static final ProblemType CONTEXT_NOT_FOUND = new ProblemType("context-not-found", HttpStatus.NOT_FOUND,
			"Saved context not found");

	public static final ProblemType CONTEXT_NAME_TAKEN = new ProblemType("context-name-taken", HttpStatus.CONFLICT,
			"A saved context with this name exists");

	public static final ProblemType TOO_MANY_AGENTS = new ProblemType("too-many-agents", HttpStatus.CONFLICT,
			"Too many agents");

	public static final ProblemType TOO_MANY_CONTEXTS = new ProblemType("too-many-contexts", HttpStatus.CONFLICT,
			"Too many saved contexts");

	private AgentProblem() {
	}

}

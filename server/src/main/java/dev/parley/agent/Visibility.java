package dev.parley.agent;

/** Who may see an agent; serialized in lower case. */
enum Visibility {

	/** Every signed-in user. */
	PUBLIC,
	/** Users whose role is among the agent's visible roles (and administrators). */
	ROLES,
	/** Its owner (and administrators). */
	PRIVATE

}

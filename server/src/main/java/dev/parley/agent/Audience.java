package dev.parley.agent;

/** A role an agent of visibility {@code roles} is shown to; serialized in lower case. */
enum Audience {

	ADMIN, AGENT, USER

}

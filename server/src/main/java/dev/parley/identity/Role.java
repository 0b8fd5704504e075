package dev.parley.identity;

/** What a user may do: operators, human support staff, and everyone else. */
public enum Role {

	ADMIN, AGENT, USER

}

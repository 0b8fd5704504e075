package dev.parley.identity;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a personal API key may be used for. An access token from a login carries every
 * scope, plus {@link #SESSION_AUTHORITY}, which account management requires.
 */
public enum Scope {

	/** Send messages, regenerate, stop and follow replies. */
	CHAT("chat"),
	/** Read conversations and messages. */
	CONVERSATIONS_READ("conversations:read"),
	/** Create, rename, archive, edit the context of and delete conversations. */
	CONVERSATIONS_WRITE("conversations:write"),
	/** Call the OpenAI-compatible gateway under {@code /v1}. */
	GATEWAY("gateway"),
	/** List and read agents. */
	AGENTS_READ("agents:read"),
	/** Create, change and delete agents (within what the key owner's role allows). */
	AGENTS_WRITE("agents:write"),
	/** List and read saved contexts. */
	CONTEXTS_READ("contexts:read"),
	/** Create, change and delete saved contexts. */
	CONTEXTS_WRITE("contexts:write");

	/** The authority of a logged-in session (never of an API key). */
	public static final String SESSION_AUTHORITY = "SESSION";

	private final String value;

	Scope(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	/** The Spring Security authority that stands for this scope. */
	public String authority() {
		return "SCOPE_" + this.value;
	}

	public static Optional<Scope> parse(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

	public static Set<String> all() {
		return Arrays.stream(values()).map(Scope::value).collect(Collectors.toUnmodifiableSet());
	}

}

package dev.parley.agent;

import dev.parley.platform.CursorCodec;

/**
 * Where the next page of the agents list starts: after the default agent (which always
 * comes first), or after the agent whose lower-case name is {@code nameKey} (names are
 * unique ignoring case). Opaque to clients: {@code d} or {@code n:<key>}, in the
 * platform's cursor encoding.
 *
 * @param nameKey null when the page ended with the default agent
 */
record AgentCursor(String nameKey) {

	static final AgentCursor AFTER_DEFAULT = new AgentCursor(null);

	private static final CursorCodec<AgentCursor> CODEC = new CursorCodec<>(AgentCursor::text, AgentCursor::parse,
			"The cursor is not one this list returned");

	String encode() {
		return CODEC.encode(this);
	}

	/**
	 * The position a token stands for.
	 * @throws dev.parley.platform.problem.ProblemException 400 {@code invalid-cursor} for
	 * anything this class did not encode
	 */
	static AgentCursor decode(String token) {
		return CODEC.decode(token);
	}

	private String text() {
		return (this.nameKey != null) ? "n:" + this.nameKey : "d";
	}

	private static AgentCursor parse(String text) {
		if (text.equals("d")) {
			return AFTER_DEFAULT;
		}
		if (text.startsWith("n:") && text.length() > 2 && text.length() <= 2 + AgentLimits.NAME_MAX_CHARS * 4) {
			return new AgentCursor(text.substring(2));
		}
		throw new IllegalArgumentException("Not an agents cursor");
	}

}

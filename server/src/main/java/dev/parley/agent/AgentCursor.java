package dev.parley.agent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;

/**
 * Where the next page of the agents list starts: after the default agent (which always
 * comes first), or after the agent whose lower-case name is {@code nameKey} (names are
 * unique ignoring case). Opaque to clients: base64url of {@code d} or {@code n:<key>}.
 *
 * @param nameKey null when the page ended with the default agent
 */
record AgentCursor(String nameKey) {

	static final AgentCursor AFTER_DEFAULT = new AgentCursor(null);

	String encode() {
		String raw = (this.nameKey != null) ? "n:" + this.nameKey : "d";
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws ProblemException 400 {@code invalid-cursor} for anything this class did not
	 * encode
	 */
	static AgentCursor decode(String token) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (raw.equals("d")) {
				return AFTER_DEFAULT;
			}
			if (raw.startsWith("n:") && raw.length() > 2 && raw.length() <= 2 + AgentLimits.NAME_MAX_CHARS * 4) {
				return new AgentCursor(raw.substring(2));
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64: the same answer as any other foreign token
		}
		throw ProblemException.of(ProblemType.INVALID_CURSOR, "The cursor is not one this list returned");
	}

}

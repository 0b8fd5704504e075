package dev.parley.support;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/** The problems of customer service. */
public final class SupportProblem {

	public static final ProblemType INBOX_NOT_FOUND = new ProblemType("inbox-not-found", HttpStatus.NOT_FOUND,
			"Inbox not found");

	public static final ProblemType TEAM_NOT_FOUND = new ProblemType("team-not-found", HttpStatus.NOT_FOUND,
			"Team not found");

	public static final ProblemType TEAM_NAME_TAKEN = new ProblemType("team-name-taken", HttpStatus.CONFLICT,
			"A team with this name exists");

	public static final ProblemType CONTACT_NOT_FOUND = new ProblemType("contact-not-found", HttpStatus.NOT_FOUND,
			"Contact not found");

	public static final ProblemType IDENTIFIER_TAKEN = new ProblemType("identifier-taken", HttpStatus.CONFLICT,
			"Another contact has this identifier");

	public static final ProblemType CANNED_RESPONSE_NOT_FOUND = new ProblemType("canned-response-not-found",
			HttpStatus.NOT_FOUND, "Canned response not found");

	public static final ProblemType SHORT_CODE_TAKEN = new ProblemType("short-code-taken", HttpStatus.CONFLICT,
			"A canned response with this short code exists");

	public static final ProblemType AGENT_NOT_FOUND = new ProblemType("support-agent-not-found", HttpStatus.BAD_REQUEST,
			"No such human agent");

	/** A visitor request without a valid visitor token. */
	public static final ProblemType VISITOR_TOKEN_INVALID = new ProblemType("visitor-token-invalid",
			HttpStatus.UNAUTHORIZED, "Visitor token missing or invalid");

	/** An identifier whose hash is not the inbox secret's HMAC of it. */
	public static final ProblemType VISITOR_IDENTITY_INVALID = new ProblemType("visitor-identity-invalid",
			HttpStatus.UNAUTHORIZED, "Identity verification failed");

	/** The inbox requires a verified identity and the visitor has none. */
	public static final ProblemType VISITOR_UNVERIFIED = new ProblemType("visitor-unverified", HttpStatus.FORBIDDEN,
			"Identity verification required");

	public static final ProblemType ORIGIN_NOT_ALLOWED = new ProblemType("widget-origin-not-allowed",
			HttpStatus.FORBIDDEN, "Origin not allowed for this inbox");

	public static final ProblemType CONVERSATION_RESOLVED = new ProblemType("conversation-resolved",
			HttpStatus.CONFLICT, "Conversation resolved");

	private SupportProblem() {
	}

}

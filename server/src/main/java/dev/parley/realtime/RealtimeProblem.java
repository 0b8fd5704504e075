package dev.parley.realtime;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of the WebSocket endpoints: refused upgrades, and the {@code error} frames
 * of a socket's protocol.
 */
public final class RealtimeProblem {

	/** A ticket that is unknown, already used, or expired. */
	public static final ProblemType INVALID_TICKET = new ProblemType("invalid-ticket", HttpStatus.UNAUTHORIZED,
			"Invalid ticket");

	/**
	 * A long-lived credential in the URL of an upgrade, where it would end up in logs.
	 */
	public static final ProblemType CREDENTIAL_IN_URL = new ProblemType("credential-in-url", HttpStatus.BAD_REQUEST,
			"Credential in the URL");

	/** An upgrade from a page of an origin the CORS configuration does not allow. */
	public static final ProblemType ORIGIN_NOT_ALLOWED = new ProblemType("origin-not-allowed", HttpStatus.FORBIDDEN,
			"Origin not allowed");

	/**
	 * A frame before the socket is authenticated, or an {@code auth} frame that failed.
	 */
	public static final ProblemType AUTHENTICATION_REQUIRED = new ProblemType("authentication-required",
			HttpStatus.UNAUTHORIZED, "Authentication required");

	public static final ProblemType ALREADY_AUTHENTICATED = new ProblemType("already-authenticated",
			HttpStatus.CONFLICT, "Already authenticated");

	public static final ProblemType UNKNOWN_FRAME_TYPE = new ProblemType("unknown-frame-type", HttpStatus.BAD_REQUEST,
			"Unknown frame type");

	/** A binary frame: the protocol is JSON text. */
	public static final ProblemType UNSUPPORTED_FRAME = new ProblemType("unsupported-frame", HttpStatus.BAD_REQUEST,
			"Unsupported frame");

	public static final ProblemType FRAME_TOO_LARGE = new ProblemType("frame-too-large", HttpStatus.CONTENT_TOO_LARGE,
			"Frame too large");

	/** The socket's or the user's subscriptions are at their limit. */
	public static final ProblemType SUBSCRIPTION_LIMIT = new ProblemType("subscription-limit",
			HttpStatus.TOO_MANY_REQUESTS, "Too many subscriptions");

	/** The user's sockets (on this instance) are at their limit. */
	public static final ProblemType TOPIC_FORBIDDEN = new ProblemType("topic-forbidden", HttpStatus.FORBIDDEN,
			"Topic forbidden");

	public static final ProblemType SOCKET_LIMIT = new ProblemType("socket-limit", HttpStatus.TOO_MANY_REQUESTS,
			"Too many sockets");

	/** More commands are waiting on this socket than it holds. */
	public static final ProblemType TOO_MANY_PENDING = new ProblemType("too-many-pending", HttpStatus.TOO_MANY_REQUESTS,
			"Too many commands pending");

	/** A plain request to a WebSocket endpoint. */
	public static final ProblemType UPGRADE_REQUIRED = new ProblemType("upgrade-required", HttpStatus.UPGRADE_REQUIRED,
			"WebSocket upgrade required");

	/** Parley is shutting down: connect again (to another instance). */
	public static final ProblemType SHUTTING_DOWN = new ProblemType("shutting-down", HttpStatus.SERVICE_UNAVAILABLE,
			"Shutting down");

	private RealtimeProblem() {
	}

}

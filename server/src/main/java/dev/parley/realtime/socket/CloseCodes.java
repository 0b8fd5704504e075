package dev.parley.realtime.socket;

import org.springframework.web.socket.CloseStatus;

/**
 * The close codes of Parley's sockets besides the standard ones (1000 normal, 1001 going
 * away at shutdown, 1009 a frame far too large): 4000-4999, documented in
 * {@code docs/API.md}.
 */
final class CloseCodes {

	/**
	 * The socket did not read fast enough and its outbound queue overflowed: connect
	 * again and subscribe with the last event id of each conversation.
	 */
	static final CloseStatus RESUME = new CloseStatus(4000, "resume: reconnect and subscribe with your last event ids");

	/** Nothing arrived from the peer (no frame, no pong) for the idle timeout. */
	static final CloseStatus IDLE = new CloseStatus(4001, "idle: no frame or pong within the idle timeout");

	/** No valid {@code auth} frame within the auth timeout, or a failed one. */
	static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "unauthorized");

	/**
	 * The {@code last_event_id} of a {@code /ws/chat/{id}} upgrade is malformed or names
	 * no message of the conversation.
	 */
	static final CloseStatus BAD_REQUEST = new CloseStatus(4400, "bad request");

	/** The credential does not allow the WebSocket (scope, password change). */
	static final CloseStatus FORBIDDEN = new CloseStatus(4403, "forbidden");

	/**
	 * The conversation of {@code /ws/chat/{id}} is not the user's (or does not exist).
	 */
	static final CloseStatus NOT_FOUND = new CloseStatus(4404, "conversation not found");

	/** The user holds the most sockets allowed. */
	static final CloseStatus TOO_MANY_SOCKETS = new CloseStatus(4429, "too many sockets");

	/** An unexpected failure (the database away when the socket opened). */
	static final CloseStatus SERVER_ERROR = CloseStatus.SERVER_ERROR;

	/** Parley is shutting down: connect again (another instance answers). */
	static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY;

	private CloseCodes() {
	}

}

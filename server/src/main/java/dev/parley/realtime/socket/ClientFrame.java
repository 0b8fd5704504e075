package dev.parley.realtime.socket;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The frames a client sends, each a JSON object with a {@code type} and an optional
 * {@code request_id} that the answer repeats.
 */
sealed interface ClientFrame {

	@Nullable String requestId();

	/** Authenticates a socket opened without a ticket: an access token or API key. */
	record Auth(String type, @Nullable String requestId, @Nullable String token) implements ClientFrame {
	}

	/**
	 * Follows a conversation's replies, after {@code lastEventId} when given; subscribing
	 * again to the same conversation moves the subscription there. With a {@code topic}
	 * instead ({@code support}), follows customer service's events (staff only).
	 */
	record Subscribe(String type, @Nullable String requestId, @Nullable String conversationId,
			@Nullable String lastEventId, @Nullable String topic) implements ClientFrame {
	}

	record Unsubscribe(String type, @Nullable String requestId, @Nullable String conversationId,
			@Nullable String topic) implements ClientFrame {
	}

	/** Sends a message, with the fields of the REST send. */
	record Send(String type, @Nullable String requestId, @Nullable String conversationId, @Nullable String content,
			@Nullable UUID parentId, @Nullable String model, @Nullable Boolean root) implements ClientFrame {
	}

	record Stop(String type, @Nullable String requestId, @Nullable String conversationId) implements ClientFrame {
	}

	record Ping(String type, @Nullable String requestId) implements ClientFrame {
	}

}

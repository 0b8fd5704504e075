package dev.parley.support.desk;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What happened in a support conversation besides its messages: an activity line
 * ({@code kind} activity: a handoff, an assignment, a status change; shown to the
 * customer when {@code visibleToCustomer}) or a private note of an agent ({@code kind}
 * note, never shown to the customer).
 */
record Activity(UUID id, UUID conversationId, Kind kind, String event, boolean visibleToCustomer,
		@Nullable String actorId, String content, Instant createdAt) {

	enum Kind {

		ACTIVITY, NOTE

	}

}

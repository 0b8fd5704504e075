package dev.parley.compat.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A session id of the caller and the Parley conversation it names.
 *
 * @param sessionId the client's id, as it sent it
 * @param conversationId the conversation
 * @param createdAt when the id was first used
 */
public record CompatSession(String sessionId, UUID conversationId, Instant createdAt) {
}

package dev.parley.support.visitor;

import java.time.Instant;
import java.util.UUID;

/**
 * One browser of a website that chats through an inbox's widget, as its visitor token
 * names it: the contact it speaks for, and whether the host site vouched for who it is.
 */
record Visitor(UUID id, UUID inboxId, UUID contactId, boolean verified, Instant createdAt, Instant lastSeenAt) {
}

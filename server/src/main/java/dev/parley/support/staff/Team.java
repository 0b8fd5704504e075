package dev.parley.support.staff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team of human agents that conversations can be handed to. */
public record Team(UUID id, String name, List<String> memberIds, Instant createdAt) {
}

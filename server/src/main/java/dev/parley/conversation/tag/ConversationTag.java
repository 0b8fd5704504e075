package dev.parley.conversation.tag;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A tag as a conversation shows it. */
public record ConversationTag(UUID id, String name, @Nullable String color) {
}

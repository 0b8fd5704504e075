package dev.parley.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One search result: a conversation's title ({@code messageId} and {@code role} null) or
 * one of its messages, with a snippet of its text, the ranges of the snippet that match
 * (UTF-16 code units), when it was created and its score (higher ranks first: 3 a title,
 * 2 a message holding the query exactly as typed, 1 a message holding every word).
 */
record SearchHit(UUID conversationId, @Nullable String conversationTitle, @Nullable UUID messageId,
		@Nullable String role, String snippet, List<Snippets.Highlight> highlights, Instant createdAt, int score) {
}

package dev.parley.provider;

/** The whole reply of a non-streaming call. */
public record Completion(String content, String finishReason, Usage usage) {
}

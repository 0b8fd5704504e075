package dev.parley.provider;

/**
 * One message of the context sent to a model; role is {@code system}, {@code user} or
 * {@code assistant}.
 */
public record ChatMessage(String role, String content) {
}

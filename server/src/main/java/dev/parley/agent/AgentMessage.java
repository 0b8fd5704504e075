package dev.parley.agent;

/**
 * A few-shot message an agent places before the history.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text
 */
public record AgentMessage(String role, String content) {
}

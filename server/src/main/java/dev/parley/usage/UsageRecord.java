package dev.parley.usage;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One model call as it was charged: who made it (and with which API key), where from, the
 * model and provider that served it, the tokens charged, how it ended and how long it
 * took.
 *
 * @param id the record's id (a chat reply's is the reply's message id)
 * @param createdAt when the call ended
 * @param userId the user charged
 * @param apiKeyId the API key the call came with, or null for a login session
 * @param source {@link #CHAT} or {@link #GATEWAY}
 * @param conversationId the reply's conversation (null for the gateway)
 * @param agentId the agent the call went through, or null when none
 * @param model the model that served the call (or was tried last)
 * @param provider the provider that served it (or was tried last)
 * @param promptTokens prompt tokens charged (0 when nothing was charged)
 * @param completionTokens completion tokens charged
 * @param status {@code complete}, {@code stopped}, {@code interrupted} or {@code failed}
 * @param cached whether the response cache answered (then nothing was charged)
 * @param ttftMs milliseconds from the request to the first token, or null when none came
 * @param failovers route targets tried or skipped before the one that served
 * @param durationMs milliseconds from the request to the end of the call
 */
public record UsageRecord(UUID id, Instant createdAt, String userId, @Nullable String apiKeyId, String source,
		@Nullable UUID conversationId, @Nullable UUID agentId, String model, String provider, int promptTokens,
		int completionTokens, String status, boolean cached, @Nullable Integer ttftMs, int failovers, int durationMs) {

	/** The source of a chat reply (send, regenerate, WebSocket send). */
	public static final String CHAT = "chat";

	/**
	 * The source of a gateway call ({@code /v1/chat/completions}, {@code /v1/messages}).
	 */
	public static final String GATEWAY = "gateway";

	/**
	 * Milliseconds between two {@link System#nanoTime()} readings, at most a day's worth.
	 */
	public static int millisBetween(long startNanos, long endNanos) {
		return (int) Math.min(Math.max(0, (endNanos - startNanos) / 1_000_000), 86_400_000L);
	}

}

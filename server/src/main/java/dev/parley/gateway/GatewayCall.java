package dev.parley.gateway;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.provider.ChatRequest;
import dev.parley.provider.Route;

/**
 * One checked gateway call, ready to be sent: who pays for it, what the client asked for
 * and the request the router sends.
 *
 * @param userId the caller, charged with the tokens
 * @param apiKeyId the API key the call came with, or null for a login session
 * @param id the answer's id ({@code chatcmpl-...}, {@code msg_...})
 * @param created when the call was accepted
 * @param requested the client's request
 * @param route the model's provider chain
 * @param request the context (prelude first) and parameters sent upstream
 * @param cacheScope the model's response cache scope, or null when it does not cache
 * @param agentId the agent the model is, or null for a plain model
 * @param acceptedAtNanos when the call was accepted ({@link System#nanoTime()})
 */
public record GatewayCall(String userId, String apiKeyId, String id, Instant created, CompletionRequest requested,
		Route route, ChatRequest request, String cacheScope, @Nullable UUID agentId, long acceptedAtNanos) {

	long createdSeconds() {
		return this.created.getEpochSecond();
	}

}

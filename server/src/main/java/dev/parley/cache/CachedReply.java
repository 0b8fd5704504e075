package dev.parley.cache;

import java.util.Objects;

import dev.parley.provider.RouteTarget;
import dev.parley.provider.Usage;

/**
 * A reply kept by the response cache: its text, why it ended, its token usage and the
 * model and provider that produced it (model and provider may be null).
 */
public record CachedReply(String content, String finishReason, int promptTokens, int completionTokens, String model,
		String provider) {

	public CachedReply {
		Objects.requireNonNull(content, "content");
	}

	/** A whole reply, its usage and the target that served it. */
	public static CachedReply of(String content, String finishReason, Usage usage, RouteTarget servedBy) {
		return new CachedReply(content, finishReason, usage.promptTokens(), usage.completionTokens(), servedBy.model(),
				servedBy.providerId());
	}

}

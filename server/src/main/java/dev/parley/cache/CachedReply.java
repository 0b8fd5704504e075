package dev.parley.cache;

import java.util.Objects;

/**
 * A reply kept by the response cache: its text, why it ended, its token usage and the
 * model and provider that produced it (model and provider may be null).
 */
public record CachedReply(String content, String finishReason, int promptTokens, int completionTokens, String model,
		String provider) {

	public CachedReply {
		Objects.requireNonNull(content, "content");
	}

}

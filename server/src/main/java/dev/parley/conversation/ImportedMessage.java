package dev.parley.conversation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One message of an {@link ImportedConversation}, as the source had it; the conversation
 * feature gives it its id. The constructor refuses what Parley cannot store, with an
 * {@link IllegalArgumentException} whose message names the field ("content: must not
 * contain ..."), by the text policy of {@code platform.json.StorableText}.
 *
 * @param parent the position of the parent message in the conversation's list (earlier
 * than this one), or -1 for a message at the top of the conversation
 * @param role who wrote it
 * @param content its text
 * @param status its status; a source's {@code streaming} message is {@code interrupted}:
 * nothing is generating it here
 * @param model the model that wrote a reply, if known
 * @param provider the provider that answered, if known
 * @param promptTokens the prompt tokens of a reply, if known
 * @param completionTokens the completion tokens of a reply, if known
 * @param finishReason why a reply ended, if known
 * @param createdAt when it was written
 * @param updatedAt when it last changed
 */
public record ImportedMessage(int parent, MessageRole role, String content, MessageStatus status,
		@Nullable String model, @Nullable String provider, @Nullable Integer promptTokens,
		@Nullable Integer completionTokens, @Nullable String finishReason, Instant createdAt, Instant updatedAt) {

	/** Longest model name ({@code messages.model}). */
	public static final int MODEL_MAX_CHARS = 200;

	/** Longest provider name ({@code messages.provider}). */
	public static final int PROVIDER_MAX_CHARS = 100;

	/** Longest finish reason ({@code messages.finish_reason}). */
	public static final int FINISH_REASON_MAX_CHARS = 64;

	public ImportedMessage {
		if (parent < -1) {
			throw new IllegalArgumentException("parent: must be -1 or a position");
		}
		status = (status == MessageStatus.STREAMING) ? MessageStatus.INTERRUPTED : status;
		ImportedText.check("content", content, Integer.MAX_VALUE);
		ImportedText.check("model", model, MODEL_MAX_CHARS);
		ImportedText.check("provider", provider, PROVIDER_MAX_CHARS);
		ImportedText.check("finish_reason", finishReason, FINISH_REASON_MAX_CHARS);
		ImportedText.checkCount("prompt_tokens", promptTokens);
		ImportedText.checkCount("completion_tokens", completionTokens);
		ImportedText.checkInstant("created_at", createdAt);
		ImportedText.checkInstant("updated_at", updatedAt);
	}

}

package dev.parley.chat.generation;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.parley.conversation.Message;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;

/**
 * A generation in progress on this instance: the text so far (for checkpoints), the
 * upstream stream (for stop), and a future completed with the final assistant message.
 */
final class RunningGeneration {

	private final UUID conversationId;

	private final String ownerId;

	private final Message userMessage;

	private final Message assistantMessage;

	private final String lockHolder;

	private final long acceptedAtNanos;

	private final StringBuilder text = new StringBuilder();

	private final CompletableFuture<Message> done = new CompletableFuture<>();

	private volatile String savedText = "";

	private volatile CompletionStream upstream;

	private volatile boolean stopRequested;

	private volatile ProviderException failure;

	RunningGeneration(UUID conversationId, String ownerId, Message userMessage, Message assistantMessage,
			String lockHolder, long acceptedAtNanos) {
		this.conversationId = conversationId;
		this.ownerId = ownerId;
		this.userMessage = userMessage;
		this.assistantMessage = assistantMessage;
		this.lockHolder = lockHolder;
		this.acceptedAtNanos = acceptedAtNanos;
	}

	String lockHolder() {
		return this.lockHolder;
	}

	/**
	 * When the request that started this generation was accepted
	 * ({@link System#nanoTime()}).
	 */
	long acceptedAtNanos() {
		return this.acceptedAtNanos;
	}

	UUID conversationId() {
		return this.conversationId;
	}

	/** The conversation owner's id, whose daily token quota the reply is charged to. */
	String ownerId() {
		return this.ownerId;
	}

	UUID id() {
		return this.assistantMessage.id();
	}

	Message userMessage() {
		return this.userMessage;
	}

	Message assistantMessage() {
		return this.assistantMessage;
	}

	CompletableFuture<Message> done() {
		return this.done;
	}

	/** Why the provider call failed, once it has; null while it has not. */
	ProviderException failure() {
		return this.failure;
	}

	void failedWith(ProviderException failure) {
		this.failure = failure;
	}

	synchronized void append(String delta) {
		this.text.append(delta);
	}

	synchronized String text() {
		return this.text.toString();
	}

	/**
	 * The text the last successful checkpoint stored (empty before the first): what the
	 * database keeps if the final write never succeeds.
	 */
	String savedText() {
		return this.savedText;
	}

	void saved(String text) {
		this.savedText = text;
	}

	void attach(CompletionStream stream) {
		this.upstream = stream;
		if (this.stopRequested) {
			stream.close();
		}
	}

	boolean stopRequested() {
		return this.stopRequested;
	}

	/** Asks the generation to stop: the upstream call is cancelled at once. */
	void stop() {
		this.stopRequested = true;
		CompletionStream stream = this.upstream;
		if (stream != null) {
			stream.close();
		}
	}

}

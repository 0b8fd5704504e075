package dev.parley.chat.generation;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.Message;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.usage.UsageRecord;

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

	private final @Nullable UUID agentId;

	private final @Nullable String apiKeyId;

	/** When the first token arrived ({@link System#nanoTime()}), 0 before. */
	private volatile long firstTokenAtNanos;

	private final StringBuilder text = new StringBuilder();

	private final CompletableFuture<Message> done = new CompletableFuture<>();

	/** The text the last successful checkpoint stored (empty before the first). */
	private volatile String savedText = "";

	/** When the row was last written: inserted, or checkpointed (guarded by this). */
	private long writtenAtNanos;

	private volatile CompletionStream upstream;

	private volatile boolean stopRequested;

	private volatile ProviderException failure;

	RunningGeneration(UUID conversationId, String ownerId, Message userMessage, Message assistantMessage,
			String lockHolder, long acceptedAtNanos, @Nullable UUID agentId, @Nullable String apiKeyId) {
		this.agentId = agentId;
		this.apiKeyId = apiKeyId;
		this.conversationId = conversationId;
		this.ownerId = ownerId;
		this.userMessage = userMessage;
		this.assistantMessage = assistantMessage;
		this.lockHolder = lockHolder;
		this.acceptedAtNanos = acceptedAtNanos;
		this.writtenAtNanos = acceptedAtNanos;
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

	/** The agent the reply is generated through, or null when none. */
	@Nullable UUID agentId() {
		return this.agentId;
	}

	/** The API key the request came with, or null for a login session. */
	@Nullable String apiKeyId() {
		return this.apiKeyId;
	}

	/** Notes that the first token arrived now (only the first call counts). */
	void firstToken(long nowNanos) {
		if (this.firstTokenAtNanos == 0) {
			this.firstTokenAtNanos = (nowNanos != 0) ? nowNanos : 1;
		}
	}

	/**
	 * Milliseconds from the request to the first token, or null when none came.
	 */
	@Nullable Integer ttftMs() {
		long at = this.firstTokenAtNanos;
		return (at != 0) ? UsageRecord.millisBetween(this.acceptedAtNanos, at) : null;
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

	/**
	 * The checkpoint this generation needs now: its text when some arrived since the last
	 * one, or when its row was last written {@code renewAfterNanos} ago or more (which
	 * renews its lease); null otherwise.
	 */
	synchronized @Nullable Checkpoint checkpointDue(long nowNanos, long renewAfterNanos) {
		if (this.text.length() > this.savedText.length() || nowNanos - this.writtenAtNanos >= renewAfterNanos) {
			return new Checkpoint(this, this.text.toString(), nowNanos);
		}
		return null;
	}

	synchronized void checkpointed(Checkpoint checkpoint) {
		if (checkpoint.text().length() >= this.savedText.length()) {
			this.savedText = checkpoint.text();
		}
		this.writtenAtNanos = Math.max(this.writtenAtNanos, checkpoint.takenAtNanos());
	}

	/** The text of a generation at one moment, to store as its checkpoint. */
	record Checkpoint(RunningGeneration generation, String text, long takenAtNanos) {

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

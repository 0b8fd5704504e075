package dev.parley.chat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The events of each generation, kept while it runs and for a while after it ends, so
 * that any subscriber can follow or resume it. A seam for scale-out: the in-process
 * implementation serves a single instance; a Redis Streams one serves a cluster.
 */
public interface GenerationEventLog {

	/**
	 * Opens the log of a new generation (sequence 0 is {@code start}) and makes it the
	 * conversation's latest.
	 */
	void begin(UUID conversationId, UUID generationId, ChatEvent.Start start);

	/** Appends a text delta. */
	void appendChunk(UUID generationId, String delta);

	/**
	 * Appends the terminal event ({@code end} or {@code error}); the log is kept for the
	 * retention time.
	 */
	void finish(UUID generationId, ChatEvent terminal);

	/**
	 * Ends the log of a generation whose instance stopped running it (crashed), as
	 * whichever instance found out; nothing when it has ended already. Its terminal event
	 * has the id {@code <generation>:end}: that instance may have sent chunks to its own
	 * clients that no log here has.
	 */
	default void finishAbandoned(UUID generationId, ChatEvent terminal) {
		finish(generationId, terminal);
	}

	/** The conversation's most recent generation still held in the log. */
	Optional<UUID> latest(UUID conversationId);

	/**
	 * Waits for a generation of the conversation newer than {@code after} (any, when
	 * null) to begin; generation ids are time-ordered.
	 * @return its id, or empty when {@code timeout} passed first
	 */
	Optional<UUID> awaitNext(UUID conversationId, UUID after, Duration timeout) throws InterruptedException;

	/** The conversation's latest generation if it has not ended yet. */
	Optional<UUID> running(UUID conversationId);

	/**
	 * Events with a sequence greater than {@code afterSeq}, waiting up to {@code wait}
	 * when there is none yet (no events when the wait passed). Returns at most
	 * {@code max} events.
	 * @return null when the log does not (or no longer) hold this generation
	 */
	EventBatch read(UUID generationId, long afterSeq, int max, Duration wait) throws InterruptedException;

	/** Drops logs whose generation ended longer ago than the retention time. */
	void expire();

}

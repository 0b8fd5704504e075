package dev.parley.chat.stream;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.EventBatch;
import dev.parley.chat.GenerationEventLog;

/**
 * The single-instance {@link GenerationEventLog}: logs in memory, dropped after the
 * retention time.
 */
public final class InMemoryGenerationEventLog implements GenerationEventLog {

	private final ConcurrentHashMap<UUID, GenerationLog> logs = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<UUID, UUID> latestByConversation = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<UUID, CompletableFuture<UUID>> nextByConversation = new ConcurrentHashMap<>();

	private final Duration retention;

	public InMemoryGenerationEventLog(Duration retention) {
		this.retention = retention;
	}

	@Override
	public void begin(UUID conversationId, UUID generationId, ChatEvent.Start start) {
		this.logs.putIfAbsent(generationId, new GenerationLog(generationId, conversationId, start));
		// Only forward: a copy of an older generation (read for a resume) is not the
		// latest. Generation ids are time-ordered (UUIDv7).
		UUID latest = this.latestByConversation.merge(conversationId, generationId,
				(current, begun) -> newer(begun, current) ? begun : current);
		if (latest.equals(generationId)) {
			CompletableFuture<UUID> waiting = this.nextByConversation.remove(conversationId);
			if (waiting != null) {
				waiting.complete(generationId);
			}
		}
	}

	/** Whether generation {@code a} began after {@code b} (ids are UUIDv7). */
	public static boolean newer(UUID a, UUID b) {
		return a.compareTo(b) > 0;
	}

	@Override
	public void appendChunk(UUID generationId, String delta) {
		GenerationLog log = this.logs.get(generationId);
		if (log != null) {
			log.append(delta);
		}
	}

	@Override
	public void finish(UUID generationId, ChatEvent terminal) {
		GenerationLog log = this.logs.get(generationId);
		if (log != null) {
			log.finish(terminal, System.nanoTime());
		}
	}

	/** Whether this log holds the generation (running, or ended within the retention). */
	public boolean holds(UUID generationId) {
		return this.logs.containsKey(generationId);
	}

	/**
	 * Whether the generation ended; false while it runs or when it is not held.
	 */
	public boolean ended(UUID generationId) {
		GenerationLog log = this.logs.get(generationId);
		return log != null && log.finished();
	}

	/**
	 * Ends a generation that its instance abandoned: its end gets the id
	 * {@code <generation>:end}, after any chunk that instance may have sent without this
	 * log knowing.
	 */
	@Override
	public void finishAbandoned(UUID generationId, ChatEvent terminal) {
		GenerationLog log = this.logs.get(generationId);
		if (log != null) {
			log.finish(terminal, System.nanoTime(), true);
		}
	}

	@Override
	public Optional<UUID> latest(UUID conversationId) {
		return Optional.ofNullable(this.latestByConversation.get(conversationId));
	}

	@Override
	public Optional<UUID> awaitNext(UUID conversationId, UUID after, Duration timeout) throws InterruptedException {
		// Register first, then look: a generation that begins in between is seen by one
		// or the other.
		CompletableFuture<UUID> next = this.nextByConversation.computeIfAbsent(conversationId,
				(id) -> new CompletableFuture<>());
		UUID latest = this.latestByConversation.get(conversationId);
		if (latest != null && (after == null || newer(latest, after))) {
			return Optional.of(latest);
		}
		try {
			return Optional.of(next.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
		}
		catch (TimeoutException ex) {
			return Optional.empty();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Optional<UUID> running(UUID conversationId) {
		UUID latest = this.latestByConversation.get(conversationId);
		GenerationLog log = (latest != null) ? this.logs.get(latest) : null;
		return (log != null && !log.finished()) ? Optional.of(latest) : Optional.empty();
	}

	@Override
	public EventBatch read(UUID generationId, long afterSeq, int max, Duration wait) throws InterruptedException {
		GenerationLog log = this.logs.get(generationId);
		return (log != null) ? log.read(afterSeq, max, wait.toNanos()) : null;
	}

	@Override
	public void expire() {
		// Nobody waits on these any more (their waiters timed out); a late waiter
		// re-registers
		// within one heartbeat and then sees the latest generation.
		this.nextByConversation.values().removeIf((next) -> next.getNumberOfDependents() == 0);
		long cutoff = System.nanoTime() - this.retention.toNanos();
		this.logs.entrySet().removeIf((entry) -> {
			boolean expired = entry.getValue().finishedBefore(cutoff);
			if (expired) {
				this.latestByConversation.remove(entry.getValue().conversationId(), entry.getKey());
			}
			return expired;
		});
	}

}

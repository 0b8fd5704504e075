package dev.parley.chat.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.ChatProperties;
import dev.parley.chat.EventBatch;
import dev.parley.chat.EventId;
import dev.parley.chat.FeedPosition;
import dev.parley.chat.GenerationEventLog;
import dev.parley.chat.ReplyFeed;
import dev.parley.chat.ReplySink;
import dev.parley.chat.SequencedEvent;
import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageStatus;

/**
 * Follows replies from the {@link GenerationEventLog}, for every channel: one generation
 * from a position to its terminal event, or a conversation's replies one after the other.
 * Resuming after a last event id leaves no gap and no duplicate; a reply the log no
 * longer holds is rebuilt from the database as its terminal event, which carries the
 * whole text.
 */
@Component
public class ReplyFollower implements ReplyFeed {

	private static final int BATCH = 256;

	private final GenerationEventLog events;

	private final ChatHistory history;

	private final IdleSubscribers idle;

	private final Duration heartbeat;

	ReplyFollower(GenerationEventLog events, ChatHistory history, IdleSubscribers idle, ChatProperties properties) {
		this.events = events;
		this.history = history;
		this.idle = idle;
		this.heartbeat = properties.heartbeatInterval();
	}

	@Override
	public FeedPosition position(UUID conversationId, @Nullable String lastEventId) {
		this.history.requireConversation(conversationId);
		EventId cursor = (lastEventId != null && !lastEventId.isBlank()) ? EventId.parse(lastEventId) : null;
		if (cursor != null) {
			this.history.requireMessage(conversationId, cursor.generationId());
		}
		return new FeedPosition(conversationId, cursor);
	}

	@Override
	public void follow(FeedPosition position, ReplySink sink) throws IOException, InterruptedException {
		follow(position, sink, true);
	}

	@Override
	public void followReply(FeedPosition position, ReplySink sink) throws IOException, InterruptedException {
		follow(position, sink, false);
	}

	/**
	 * Follows the conversation from {@code position}: the rest of the reply it is in (or,
	 * when the client had all of it, or named none, the running or next reply), then,
	 * when {@code continuous}, each reply after it.
	 */
	void follow(FeedPosition position, ReplySink sink, boolean continuous) throws IOException, InterruptedException {
		UUID conversationId = position.conversationId();
		EventId cursor = position.after();
		UUID next;
		if (cursor != null && cursor.seq() != EventId.AFTER_END) {
			long written = followGeneration(cursor.generationId(), cursor.seq(), sink);
			if (written < 0) {
				resendFromStore(conversationId, cursor.generationId(), sink);
			}
			if (written != 0 && !continuous) {
				return;
			}
			// The client has this reply's last event now: wait for the next reply.
			next = awaitNext(conversationId, cursor.generationId(), sink);
		}
		else if (cursor != null) {
			next = awaitNext(conversationId, cursor.generationId(), sink);
		}
		else {
			// Read the latest before asking what runs, so a reply that begins in between
			// is not missed.
			UUID previous = this.events.latest(conversationId).orElse(null);
			Optional<UUID> running = this.events.running(conversationId);
			next = running.isPresent() ? running.get() : awaitNext(conversationId, previous, sink);
		}
		while (true) {
			if (followGeneration(next, -1, sink) < 0) {
				resendFromStore(conversationId, next, sink);
			}
			if (!continuous) {
				return;
			}
			next = awaitNext(conversationId, next, sink);
		}
	}

	/**
	 * Delivers a generation's events after {@code afterSeq} until its terminal event.
	 * @return the number of events delivered, or -1 when the log does not hold the
	 * generation
	 */
	public long followGeneration(UUID generationId, long afterSeq, ReplySink sink)
			throws IOException, InterruptedException {
		// Counted, not computed from sequences: an end may have the sequence AFTER_END.
		long position = afterSeq;
		long written = 0;
		while (true) {
			EventBatch batch = this.events.read(generationId, position, BATCH, this.heartbeat);
			if (batch == null) {
				return (written == 0) ? -1 : written;
			}
			if (batch.events().isEmpty()) {
				if (batch.ended()) {
					return written;
				}
				sink.idle();
				continue;
			}
			sink.events(batch.events());
			written += batch.events().size();
			position = batch.events().getLast().seq();
			if (batch.ended()) {
				return written;
			}
		}
	}

	/**
	 * The log no longer holds the generation: a finished reply is rebuilt from the
	 * database as its terminal event, which carries the whole text.
	 */
	private void resendFromStore(UUID conversationId, UUID generationId, ReplySink sink) throws IOException {
		Message message = this.history.requireMessage(conversationId, generationId);
		sink.events(List.of(new SequencedEvent(message.id(), EventId.AFTER_END, terminalOf(message))));
	}

	private static ChatEvent terminalOf(Message message) {
		if (message.status() == MessageStatus.STREAMING) {
			return new ChatEvent.Error("stream_unavailable",
					"This reply is being generated elsewhere and cannot be resumed here", message.id(), "streaming",
					null);
		}
		String status = message.status().name().toLowerCase(Locale.ROOT);
		return switch (message.status()) {
			case FAILED, INTERRUPTED ->
				new ChatEvent.Error("interrupted", "The reply broke off", message.id(), status, message.content());
			default -> new ChatEvent.End(message.id(), message.content(),
					ChatEvent.TokenUsage.of(zeroIfNull(message.promptTokens()), zeroIfNull(message.completionTokens())),
					message.finishReason(), status, message.model(), message.provider(), message.cached());
		};
	}

	private UUID awaitNext(UUID conversationId, @Nullable UUID previous, ReplySink sink)
			throws IOException, InterruptedException {
		if (!this.idle.enter()) {
			throw new InterruptedException("shutting down");
		}
		try {
			while (true) {
				Optional<UUID> next = this.events.awaitNext(conversationId, previous, this.heartbeat);
				if (next.isPresent()) {
					return next.get();
				}
				sink.idle();
			}
		}
		finally {
			this.idle.exit();
		}
	}

	private static int zeroIfNull(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

}

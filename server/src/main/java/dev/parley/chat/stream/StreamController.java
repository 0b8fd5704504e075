package dev.parley.chat.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.EventId;
import dev.parley.chat.GenerationEventLog;
import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageStatus;

/**
 * {@code GET /api/v1/conversations/{id}/stream}: follows the running reply, or waits for
 * the next one; with {@code Last-Event-ID} it resumes right after that event, with no gap
 * and no duplicate.
 */
@RestController
class StreamController {

	private final ChatHistory history;

	private final GenerationEventLog events;

	private final EventStreamWriter writer;

	private final SseResponses sse;

	private final IdleSubscribers idle;

	StreamController(ChatHistory history, GenerationEventLog events, EventStreamWriter writer, SseResponses sse,
			IdleSubscribers idle) {
		this.history = history;
		this.events = events;
		this.writer = writer;
		this.sse = sse;
		this.idle = idle;
	}

	@GetMapping(path = "/api/v1/conversations/{conversationId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	void stream(@PathVariable UUID conversationId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "last_event_id", required = false) String lastEventParam, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		this.history.requireConversation(conversationId);
		String resumeFrom = (lastEventId != null && !lastEventId.isBlank()) ? lastEventId : lastEventParam;
		EventId cursor = (resumeFrom != null && !resumeFrom.isBlank()) ? EventId.parse(resumeFrom) : null;
		Message resumed = (cursor != null) ? this.history.requireMessage(conversationId, cursor.generationId()) : null;
		this.sse.start(request, response, (out) -> follow(out, conversationId, cursor, resumed));
	}

	private void follow(OutputStream out, UUID conversationId, EventId cursor, Message resumed)
			throws IOException, InterruptedException {
		out.flush();
		if (cursor != null && cursor.seq() != EventId.AFTER_END) {
			long written = this.writer.follow(out, cursor.generationId(), cursor.seq());
			if (written > 0) {
				return;
			}
			if (written < 0) {
				resendFromStore(out, resumed);
				return;
			}
			// The client already had this reply's last event: wait for the next reply.
		}
		// Read the latest before asking what runs, so a reply that begins in between is
		// not missed.
		UUID previous = (cursor != null) ? cursor.generationId() : this.events.latest(conversationId).orElse(null);
		Optional<UUID> running = (cursor != null) ? Optional.empty() : this.events.running(conversationId);
		UUID next = running.isPresent() ? running.get() : awaitNext(out, conversationId, previous);
		this.writer.follow(out, next, -1);
	}

	/**
	 * The log no longer holds the generation: a finished reply is rebuilt from the
	 * database as its terminal event, which carries the whole text.
	 */
	private void resendFromStore(OutputStream out, Message message) throws IOException {
		if (message.status() == MessageStatus.STREAMING) {
			this.writer.writeSingle(out, EventId.format(message.id(), EventId.AFTER_END),
					new ChatEvent.Error("stream_unavailable",
							"This reply is being generated elsewhere and cannot be resumed here", message.id(),
							"streaming", null));
			return;
		}
		String status = message.status().name().toLowerCase(Locale.ROOT);
		ChatEvent terminal = switch (message.status()) {
			case FAILED, INTERRUPTED ->
				new ChatEvent.Error("interrupted", "The reply broke off", message.id(), status, message.content());
			default -> new ChatEvent.End(message.id(), message.content(),
					ChatEvent.TokenUsage.of(zeroIfNull(message.promptTokens()), zeroIfNull(message.completionTokens())),
					message.finishReason(), status, message.model(), message.provider(), message.cached());
		};
		this.writer.writeSingle(out, EventId.format(message.id(), EventId.AFTER_END), terminal);
	}

	private UUID awaitNext(OutputStream out, UUID conversationId, UUID previous)
			throws IOException, InterruptedException {
		if (!this.idle.enter()) {
			throw new InterruptedException("shutting down");
		}
		try {
			while (true) {
				Optional<UUID> next = this.events.awaitNext(conversationId, previous, this.writer.heartbeatInterval());
				if (next.isPresent()) {
					return next.get();
				}
				this.writer.heartbeat(out);
			}
		}
		finally {
			this.idle.exit();
		}
	}

	private static int zeroIfNull(Integer value) {
		return (value != null) ? value : 0;
	}

}

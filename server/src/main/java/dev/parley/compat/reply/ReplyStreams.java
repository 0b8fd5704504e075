package dev.parley.compat.reply;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.ChatEventJson;
import dev.parley.chat.ChatProperties;
import dev.parley.chat.EventId;
import dev.parley.chat.FeedPosition;
import dev.parley.chat.ReplyFeed;
import dev.parley.chat.ReplySink;
import dev.parley.chat.SequencedEvent;

/**
 * Writes one reply to an old client's event stream: each event as a data-only SSE frame
 * with its id ({@code onmessage} fires for it), Parley's envelope with the {@code start}
 * naming the client's session id, heartbeat comments while idle, and nothing after the
 * reply's terminal event. A reply that the event log no longer holds (it ended a while
 * ago, or runs on an instance that shares no log) still arrives whole: {@code start}, its
 * text as one {@code chunk}, and its terminal event, once it is stored.
 */
@Component
public class ReplyStreams {

	private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

	/** The error code of a reply generated on an instance whose events are not shared. */
	private static final String UNAVAILABLE = "stream_unavailable";

	private static final long STORED_POLL_MILLIS = 250;

	private final ReplyFeed feed;

	private final ChatEventJson events;

	private final JsonMapper json;

	private final Duration replyTimeout;

	ReplyStreams(ReplyFeed feed, ChatEventJson events, JsonMapper json, ChatProperties properties) {
		this.feed = feed;
		this.events = events;
		this.json = json;
		this.replyTimeout = properties.replyTimeout();
	}

	/**
	 * Writes the reply at {@code position} (normally the very beginning of a generation)
	 * to its end.
	 * @param sessionField the name of the session id in the {@code start} event
	 * ({@code conversation_id}, {@code session_id})
	 * @param sessionId the client's session id
	 */
	public void write(OutputStream out, FeedPosition position, String sessionField, String sessionId)
			throws IOException, InterruptedException {
		Writer writer = new Writer(out, sessionField, sessionId);
		long deadline = System.nanoTime() + this.replyTimeout.toNanos();
		while (true) {
			this.feed.followReply(position, writer);
			if (!writer.unavailable || System.nanoTime() - deadline > 0) {
				return;
			}
			// Generated where this instance cannot follow it: wait until it is stored.
			writer.unavailable = false;
			Thread.sleep(STORED_POLL_MILLIS);
			heartbeat(out);
		}
	}

	/** A heartbeat comment, which also finds out whether the client is still there. */
	public void heartbeat(OutputStream out) throws IOException {
		out.write(HEARTBEAT);
		out.flush();
	}

	/** An {@code error} event that ends a stream which delivered no reply. */
	public void error(OutputStream out, String code, String message) throws IOException {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("code", code);
		data.put("message", message);
		out.write(frame(null, envelope("error", data)).getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private String envelope(String type, Map<String, Object> data) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("type", type);
		envelope.put("data", data);
		return this.json.writeValueAsString(envelope);
	}

	private static String frame(@Nullable String id, String envelope) {
		return ((id != null) ? "id: " + id + "\n" : "") + "data: " + envelope + "\n\n";
	}

	/** The sink that renders the feed's events. */
	private final class Writer implements ReplySink {

		private final OutputStream out;

		private final String sessionField;

		private final String sessionId;

		private boolean delivered;

		private boolean unavailable;

		Writer(OutputStream out, String sessionField, String sessionId) {
			this.out = out;
			this.sessionField = sessionField;
			this.sessionId = sessionId;
		}

		@Override
		public void events(List<SequencedEvent> batch) throws IOException {
			StringBuilder text = new StringBuilder(64 * batch.size());
			for (SequencedEvent event : batch) {
				if (event.seq() == EventId.AFTER_END && !this.delivered) {
					if (event.event() instanceof ChatEvent.Error error && UNAVAILABLE.equals(error.code())) {
						this.unavailable = true;
						return;
					}
					rebuilt(text, event);
				}
				else if (event.event() instanceof ChatEvent.Start start) {
					text.append(frame(event.eventId(), start(start.messageId().toString(),
							start.userMessageId().toString(), start.model(), start.provider())));
				}
				else {
					text.append(frame(event.eventId(), ReplyStreams.this.events.envelope(event.event())));
				}
				this.delivered = true;
			}
			this.out.write(text.toString().getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		@Override
		public void idle() throws IOException {
			heartbeat(this.out);
		}

		/** A stored reply from its start: start, its text, its terminal event. */
		private void rebuilt(StringBuilder text, SequencedEvent terminal) {
			String content = switch (terminal.event()) {
				case ChatEvent.End end -> end.fullText();
				case ChatEvent.Error error -> error.partialText();
				default -> null;
			};
			text.append(frame(null, start(terminal.generationId().toString(), null, null, null)));
			if (content != null && !content.isEmpty()) {
				text.append(frame(null, ReplyStreams.this.events.envelope(new ChatEvent.Chunk(content))));
			}
			text.append(frame(terminal.eventId(), ReplyStreams.this.events.envelope(terminal.event())));
		}

		private String start(String messageId, @Nullable String userMessageId, @Nullable String model,
				@Nullable String provider) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put(this.sessionField, this.sessionId);
			data.put("message_id", messageId);
			if (userMessageId != null) {
				data.put("user_message_id", userMessageId);
			}
			if (model != null) {
				data.put("model", model);
			}
			if (provider != null) {
				data.put("provider", provider);
			}
			return envelope("start", data);
		}

	}

}

package dev.parley.support.visitor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatEventJson;
import dev.parley.chat.FeedPosition;
import dev.parley.chat.ReplyFeed;
import dev.parley.chat.ReplySink;
import dev.parley.chat.SequencedEvent;
import dev.parley.chat.SseResponses;
import dev.parley.realtime.ConversationEvent;
import dev.parley.realtime.ConversationEvents;

/**
 * The widget's event streams ({@code GET /api/v1/widget/conversations/{id}/events}),
 * served like the chat's streams ({@link SseResponses}: a virtual thread each): each
 * follows its conversation's bot replies through the chat core's {@link ReplyFeed} (with
 * {@code id:} lines, resumable with {@code Last-Event-ID}) and receives what the customer
 * may see of customer service's events ({@link ConversationEvent#OWNER} events of its
 * conversation: human replies, activity lines, status changes, an agent typing) from
 * every instance, without {@code id:} (the widget re-reads the timeline after a
 * reconnect). At shutdown they end first (this lifecycle stops before the web server's
 * graceful shutdown, which would otherwise wait for them); the widget reconnects to
 * another instance.
 */
@Component
class VisitorEventStreams implements SmartLifecycle {

	/** The conversation events a customer's stream carries. */
	private static final Set<String> CUSTOMER_TYPES = Set.of("message.created", "conversation.status_changed",
			"typing");

	private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

	private final ReplyFeed feed;

	private final ChatEventJson json;

	private final SseResponses sse;

	private final Map<UUID, Set<Stream>> byConversation = new ConcurrentHashMap<>();

	private volatile boolean running;

	VisitorEventStreams(ReplyFeed feed, ChatEventJson json, SseResponses sse, ConversationEvents events) {
		this.feed = feed;
		this.json = json;
		this.sse = sse;
		events.listen(this::deliver);
	}

	/** Checks the position (as the visitor) and serves the stream. */
	void open(VisitorContext visitor, UUID conversationId, @Nullable String lastEventId, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		FeedPosition position = visitor.asOwner(() -> this.feed.position(conversationId, lastEventId));
		this.sse.start(request, response, (out) -> {
			Stream stream = new Stream(conversationId, out, Thread.currentThread());
			this.byConversation.computeIfAbsent(conversationId, (id) -> ConcurrentHashMap.newKeySet()).add(stream);
			try {
				if (this.running) {
					visitor.asOwner(() -> {
						follow(stream, position);
						return null;
					});
				}
			}
			finally {
				forget(stream);
			}
		});
	}

	private void follow(Stream stream, FeedPosition position) {
		try {
			this.feed.follow(position, new ReplySink() {

				@Override
				public void events(List<SequencedEvent> events) throws IOException {
					StringBuilder frames = new StringBuilder(256);
					for (SequencedEvent event : events) {
						frames.append("id: ")
							.append(event.eventId())
							.append("\ndata: ")
							.append(VisitorEventStreams.this.json.envelope(event.event()))
							.append("\n\n");
					}
					stream.write(frames.toString().getBytes(StandardCharsets.UTF_8));
				}

				@Override
				public void idle() throws IOException {
					stream.write(HEARTBEAT);
				}

			});
		}
		catch (IOException ex) {
			// the widget went away
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void deliver(ConversationEvent event) {
		if (event.forStaff() || !CUSTOMER_TYPES.contains(event.type())) {
			return;
		}
		Set<Stream> streams = this.byConversation.get(event.conversationId());
		if (streams == null) {
			return;
		}
		// The bridge's own message.created (a user message, no "kind") is the customer's
		// own message, which the widget shows already.
		if ("message.created".equals(event.type()) && !event.data().contains("\"kind\"")) {
			return;
		}
		byte[] frame = ("data: {\"type\":\"" + event.type() + "\",\"data\":" + event.data() + "}\n\n")
			.getBytes(StandardCharsets.UTF_8);
		for (Stream stream : streams) {
			try {
				stream.write(frame);
			}
			catch (IOException ex) {
				// the follower finds out at its next write and ends the stream
				stream.follower().interrupt();
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.byConversation.values().forEach((streams) -> streams.forEach((s) -> s.follower().interrupt()));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void forget(Stream stream) {
		this.byConversation.computeIfPresent(stream.conversationId(), (id, set) -> {
			set.remove(stream);
			return set.isEmpty() ? null : set;
		});
	}

	/**
	 * One open stream; its writes are serialised (the follower and the event fan-out).
	 */
	private record Stream(UUID conversationId, OutputStream out, Thread follower) {

		void write(byte[] frame) throws IOException {
			synchronized (this.out) {
				this.out.write(frame);
				this.out.flush();
			}
		}

	}

}

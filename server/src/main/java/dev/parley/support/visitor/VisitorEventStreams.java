package dev.parley.support.visitor;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.chat.ChatEventJson;
import dev.parley.chat.FeedPosition;
import dev.parley.chat.ReplyFeed;
import dev.parley.chat.ReplySink;
import dev.parley.chat.SequencedEvent;
import dev.parley.realtime.ConversationEvent;
import dev.parley.realtime.ConversationEvents;

/**
 * The widget's event streams ({@code GET /api/v1/widget/conversations/{id}/events}): each
 * follows its conversation's bot replies through the chat core's {@link ReplyFeed} on a
 * virtual thread (with {@code id:} lines, resumable), and receives what the customer may
 * see of customer service's events ({@link ConversationEvent#OWNER} events of its
 * conversation published by support: human replies, activity lines, status changes, an
 * agent typing) from every instance, without {@code id:} (the widget re-reads the
 * timeline after a reconnect). At shutdown they end first (this lifecycle stops before
 * the web server's graceful shutdown, which would otherwise wait for them): the widget
 * reconnects to another instance.
 */
@Component
class VisitorEventStreams implements SmartLifecycle {

	/** The conversation events a customer's stream carries. */
	private static final Set<String> CUSTOMER_TYPES = Set.of("message.created", "conversation.status_changed",
			"typing");

	private final ReplyFeed feed;

	private final ChatEventJson json;

	private final Map<UUID, Set<Stream>> byConversation = new ConcurrentHashMap<>();

	private volatile boolean running;

	VisitorEventStreams(ReplyFeed feed, ChatEventJson json, ConversationEvents events) {
		this.feed = feed;
		this.json = json;
		events.listen(this::deliver);
	}

	SseEmitter open(VisitorContext visitor, UUID conversationId, @Nullable String lastEventId) {
		FeedPosition position = visitor.asOwner(() -> this.feed.position(conversationId, lastEventId));
		SseEmitter emitter = new SseEmitter(0L);
		Stream stream = new Stream(emitter, conversationId);
		Thread follower = Thread.ofVirtual().name("widget-stream").unstarted(() -> {
			try {
				visitor.asOwner(() -> {
					follow(stream, position);
					return null;
				});
			}
			finally {
				stream.close();
			}
		});
		stream.follower(follower);
		Runnable end = () -> {
			forget(stream);
			follower.interrupt();
		};
		emitter.onCompletion(end);
		emitter.onTimeout(end);
		emitter.onError((ex) -> end.run());
		this.byConversation.computeIfAbsent(conversationId, (id) -> ConcurrentHashMap.newKeySet()).add(stream);
		if (!this.running) {
			forget(stream);
			emitter.complete();
			return emitter;
		}
		follower.start();
		return emitter;
	}

	private void follow(Stream stream, FeedPosition position) {
		try {
			this.feed.follow(position, new ReplySink() {

				@Override
				public void events(List<SequencedEvent> events) throws IOException {
					for (SequencedEvent event : events) {
						stream.send(SseEmitter.event()
							.id(event.eventId())
							.data(VisitorEventStreams.this.json.envelope(event.event())));
					}
				}

				@Override
				public void idle() throws IOException {
					stream.send(SseEmitter.event().comment("heartbeat"));
				}

			});
		}
		catch (IOException ex) {
			// the widget went away
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			forget(stream);
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
		String frame = "{\"type\":\"" + event.type() + "\",\"data\":" + event.data() + "}";
		for (Stream stream : streams) {
			try {
				stream.send(SseEmitter.event().data(frame));
			}
			catch (IOException ex) {
				forget(stream);
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
		this.byConversation.values().forEach((streams) -> streams.forEach(Stream::end));
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

	/** One open stream: its sends are serialised (the follower and the event fan-out). */
	private static final class Stream {

		private final SseEmitter emitter;

		private final UUID conversationId;

		private @Nullable Thread follower;

		private boolean closed;

		Stream(SseEmitter emitter, UUID conversationId) {
			this.emitter = emitter;
			this.conversationId = conversationId;
		}

		synchronized void follower(Thread thread) {
			this.follower = thread;
		}

		/** Ends the stream at shutdown: the follower stops, the response completes. */
		void end() {
			Thread thread;
			synchronized (this) {
				thread = this.follower;
			}
			if (thread != null) {
				thread.interrupt();
			}
			close();
		}

		UUID conversationId() {
			return this.conversationId;
		}

		synchronized void send(SseEmitter.SseEventBuilder event) throws IOException {
			if (this.closed) {
				throw new IOException("closed");
			}
			try {
				this.emitter.send(event);
			}
			catch (IOException | IllegalStateException ex) {
				this.closed = true;
				throw (ex instanceof IOException io) ? io : new IOException(ex);
			}
		}

		synchronized void close() {
			if (!this.closed) {
				this.closed = true;
				this.emitter.complete();
			}
		}

	}

}

package dev.parley.compat.fastapi;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.chat.ChatProperties;
import dev.parley.chat.FeedPosition;
import dev.parley.compat.CompatProperties;
import dev.parley.compat.reply.ReplyStreams;
import dev.parley.compat.session.CompatSession;
import dev.parley.compat.session.CompatSessions;
import dev.parley.platform.persistence.Jdbc;

/**
 * Pairs seed 004's event stream ({@code GET .../stream}) with the reply its
 * {@code POST .../stream} started, in either order and on any instance: the POST records
 * the reply on the session's row, the GET takes it from there (one UPDATE, so each reply
 * goes to one stream) and delivers it from its start, however far it got meanwhile. A GET
 * takes only a reply offered at most {@code parley.compat.stream-pairing} before it
 * connected, so an old reply nobody streamed never reaches a later GET. Until a reply is
 * offered the GET looks for one often at first (the client posts right after it opens the
 * stream), then less often, writing heartbeats, for at most
 * {@code parley.compat.stream-wait}.
 */
@Component
class StreamPairing {

	private static final Duration QUICK_PHASE = Duration.ofSeconds(2);

	private static final Duration MEDIUM_PHASE = Duration.ofSeconds(30);

	private final CompatSessions sessions;

	private final ReplyStreams streams;

	private final Clock clock;

	private final Duration pairing;

	private final Duration wait;

	private final Duration heartbeat;

	StreamPairing(CompatSessions sessions, ReplyStreams streams, Clock clock, CompatProperties properties,
			ChatProperties chat) {
		this.sessions = sessions;
		this.streams = streams;
		this.clock = clock;
		this.pairing = properties.streamPairing();
		this.wait = properties.streamWait();
		this.heartbeat = chat.heartbeatInterval();
	}

	/** The instant from which a GET connecting now takes offered replies. */
	Instant notBefore() {
		return Jdbc.now(this.clock).minus(this.pairing);
	}

	/**
	 * Waits for the reply offered to {@code session} of {@code ownerId} and writes it;
	 * ends with an {@code error} event when none comes within the wait.
	 */
	void deliver(OutputStream out, String ownerId, CompatSession session, Instant notBefore)
			throws IOException, InterruptedException {
		long started = System.nanoTime();
		long lastWrite = started;
		while (true) {
			Optional<UUID> reply = this.sessions.takeStreamReply(ownerId, session, notBefore);
			if (reply.isPresent()) {
				this.streams.write(out, FeedPosition.beginningOf(session.conversationId(), reply.get()),
						FastApiChatController.SESSION_FIELD, session.sessionId());
				return;
			}
			long now = System.nanoTime();
			Duration waited = Duration.ofNanos(now - started);
			if (waited.compareTo(this.wait) >= 0) {
				this.streams.error(out, "no_message",
						"No message was posted to session '" + session.sessionId() + "' within " + this.wait);
				return;
			}
			if (Duration.ofNanos(now - lastWrite).compareTo(this.heartbeat) >= 0) {
				this.streams.heartbeat(out);
				lastWrite = now;
			}
			Thread.sleep(pause(waited).toMillis());
		}
	}

	private static Duration pause(Duration waited) {
		if (waited.compareTo(QUICK_PHASE) < 0) {
			return Duration.ofMillis(20);
		}
		return (waited.compareTo(MEDIUM_PHASE) < 0) ? Duration.ofMillis(200) : Duration.ofSeconds(1);
	}

}

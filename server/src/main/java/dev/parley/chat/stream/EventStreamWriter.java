package dev.parley.chat.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.chat.ChatEvent;
import dev.parley.chat.ChatProperties;
import dev.parley.chat.EventBatch;
import dev.parley.chat.GenerationEventLog;
import dev.parley.chat.SequencedEvent;

/**
 * Writes a generation's events to an SSE response, with a heartbeat comment while idle. A
 * client that goes away only ends this writer; the generation goes on.
 */
@Component
public class EventStreamWriter {

	private static final int BATCH = 256;

	private final GenerationEventLog events;

	private final EventFrames frames;

	private final Duration heartbeat;

	EventStreamWriter(GenerationEventLog events, EventFrames frames, ChatProperties properties) {
		this.events = events;
		this.frames = frames;
		this.heartbeat = properties.heartbeatInterval();
	}

	/**
	 * Streams generation events after {@code afterSeq} until its terminal event.
	 * @return the number of events written, or -1 when the log does not hold the
	 * generation
	 */
	public long follow(OutputStream out, UUID generationId, long afterSeq) throws IOException, InterruptedException {
		long position = afterSeq;
		while (true) {
			EventBatch batch = this.events.read(generationId, position, BATCH, this.heartbeat);
			if (batch == null) {
				return (position == afterSeq) ? -1 : position - afterSeq;
			}
			if (batch.events().isEmpty()) {
				if (batch.ended()) {
					return position - afterSeq;
				}
				heartbeat(out);
				continue;
			}
			StringBuilder text = new StringBuilder(64 * batch.events().size());
			for (SequencedEvent event : batch.events()) {
				this.frames.appendFrame(text, event);
				position = event.seq();
			}
			send(out, text);
			if (batch.ended()) {
				return position - afterSeq;
			}
		}
	}

	/** Writes one event outside any log (a finished reply rebuilt from the database). */
	void writeSingle(OutputStream out, String id, ChatEvent event) throws IOException {
		StringBuilder text = new StringBuilder();
		this.frames.appendFrame(text, id, event);
		send(out, text);
	}

	private static void send(OutputStream out, StringBuilder frames) throws IOException {
		out.write(frames.toString().getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/**
	 * Writes a heartbeat comment, which also finds out whether the client is still there.
	 */
	void heartbeat(OutputStream out) throws IOException {
		out.write(EventFrames.HEARTBEAT);
		out.flush();
	}

	Duration heartbeatInterval() {
		return this.heartbeat;
	}

}

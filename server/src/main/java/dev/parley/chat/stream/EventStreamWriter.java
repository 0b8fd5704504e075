package dev.parley.chat.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.chat.ReplySink;
import dev.parley.chat.SequencedEvent;

/**
 * Writes a generation's events to an SSE response, with a heartbeat comment while idle. A
 * client that goes away only ends this writer; the generation goes on.
 */
@Component
public class EventStreamWriter {

	private final ReplyFollower follower;

	private final EventFrames frames;

	EventStreamWriter(ReplyFollower follower, EventFrames frames) {
		this.follower = follower;
		this.frames = frames;
	}

	/**
	 * Streams generation events after {@code afterSeq} until its terminal event.
	 * @return the number of events written, or -1 when the log does not hold the
	 * generation
	 */
	public long follow(OutputStream out, UUID generationId, long afterSeq) throws IOException, InterruptedException {
		return this.follower.followGeneration(generationId, afterSeq, sink(out));
	}

	/** The SSE response {@code out} as the sink of a follower: frames and heartbeats. */
	ReplySink sink(OutputStream out) {
		return new ReplySink() {

			@Override
			public void events(List<SequencedEvent> events) throws IOException {
				StringBuilder text = new StringBuilder(64 * events.size());
				for (SequencedEvent event : events) {
					EventStreamWriter.this.frames.appendFrame(text, event);
				}
				out.write(text.toString().getBytes(StandardCharsets.UTF_8));
				out.flush();
			}

			@Override
			public void idle() throws IOException {
				// A heartbeat comment, which also finds out whether the client is still
				// there.
				out.write(EventFrames.HEARTBEAT);
				out.flush();
			}

		};
	}

}

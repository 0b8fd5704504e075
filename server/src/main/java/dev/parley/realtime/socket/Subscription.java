package dev.parley.realtime.socket;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.chat.ReplySink;
import dev.parley.chat.SequencedEvent;

/**
 * One conversation a socket follows: the sink its follower thread delivers the replies
 * to, as frames on the socket's queue. Once ended it delivers nothing more, so that no
 * event follows the {@code unsubscribed} answer.
 */
final class Subscription implements ReplySink {

	private final Socket socket;

	private final UUID conversationId;

	private final ServerFrames frames;

	private final long sendTimeoutNanos;

	private boolean active = true;

	private @Nullable Thread follower;

	Subscription(Socket socket, UUID conversationId, ServerFrames frames, long sendTimeoutNanos) {
		this.socket = socket;
		this.conversationId = conversationId;
		this.frames = frames;
		this.sendTimeoutNanos = sendTimeoutNanos;
	}

	Socket socket() {
		return this.socket;
	}

	UUID conversationId() {
		return this.conversationId;
	}

	synchronized void follower(Thread thread) {
		this.follower = thread;
	}

	@Override
	public void events(List<SequencedEvent> events) throws IOException {
		requireActive();
		List<String> out = new ArrayList<>(events.size());
		long size = 0;
		for (SequencedEvent event : events) {
			String frame = this.frames.event(this.conversationId, event);
			out.add(frame);
			size += frame.length();
		}
		// Paced by the reader, outside the lock, so that an unsubscribe never waits for
		// room.
		try {
			if (!this.socket.awaitRoom(size, this.sendTimeoutNanos)) {
				throw new IOException("the socket is closing");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("unsubscribed", ex);
		}
		synchronized (this) {
			requireActive();
			if (!this.socket.send(out)) {
				throw new IOException("the socket is closing");
			}
		}
	}

	@Override
	public synchronized void idle() throws IOException {
		requireActive();
	}

	/** Delivers a frame that is not a reply's event (a conversation event). */
	synchronized void deliver(String frame) {
		if (this.active) {
			this.socket.send(frame);
		}
	}

	/**
	 * Ends the subscription: nothing is delivered after this returns, and the follower is
	 * interrupted.
	 * @return false when it had ended already
	 */
	synchronized boolean end() {
		if (!this.active) {
			return false;
		}
		this.active = false;
		if (this.follower != null) {
			this.follower.interrupt();
		}
		return true;
	}

	private synchronized void requireActive() throws IOException {
		if (!this.active || this.socket.closing()) {
			throw new IOException("unsubscribed");
		}
	}

}

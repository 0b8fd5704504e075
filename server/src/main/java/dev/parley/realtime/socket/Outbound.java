package dev.parley.realtime.socket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A socket's outbound queue and the one thread that writes it, so that nothing else
 * writes to the session and no producer (a reply's follower, a publisher of conversation
 * events) ever waits on the network. Bounded by the characters queued: a reply's follower
 * waits for room (so a long replay is paced by the reader), an offer beyond the bound, or
 * a wait for room longer than the send timeout, drops the whole queue and closes the
 * socket with 4000, for the client to resume from its last event ids.
 */
final class Outbound {

	private static final Object PING = new Object();

	private final WebSocketSession session;

	private final long maxChars;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition ready = this.lock.newCondition();

	private final Condition space = this.lock.newCondition();

	private final ArrayDeque<Object> queue = new ArrayDeque<>();

	private long queuedChars;

	private boolean pingQueued;

	/** No more offers: closing after what is queued, or aborted. */
	private boolean closed;

	private @Nullable CloseStatus closeStatus;

	/** The status this side decided to close with (told to {@link #closing} once). */
	private @Nullable CloseStatus decided;

	private final Consumer<CloseStatus> closing;

	/**
	 * The queue of {@code session}, bounded at {@code maxChars}; {@code closing} is told
	 * once, of the status, when this side decides to close the socket.
	 */
	Outbound(WebSocketSession session, long maxChars, Consumer<CloseStatus> closing) {
		this.session = session;
		this.maxChars = maxChars;
		this.closing = closing;
	}

	/** Starts the writer thread. */
	void start() {
		Thread.ofVirtual().name("ws-writer").start(this::run);
	}

	/**
	 * Queues frames in order; false when the socket is closing, or when they overflowed
	 * the queue (the socket is then closed with 4000).
	 */
	boolean offer(List<String> frames) {
		this.lock.lock();
		try {
			if (this.closed) {
				return false;
			}
			long size = 0;
			for (String frame : frames) {
				size += frame.length();
			}
			// A frame larger than the whole bound still goes out alone. Frames other than
			// a
			// reply's events (which wait for room under the bound) may take a second
			// bound
			// on top.
			if (!this.queue.isEmpty() && this.queuedChars + size > 2 * this.maxChars) {
				abortLocked(CloseCodes.RESUME);
				return false;
			}
			this.queue.addAll(frames);
			this.queuedChars += size;
			this.ready.signal();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	boolean offer(String frame) {
		return offer(List.of(frame));
	}

	/**
	 * Waits until {@code chars} more fit in the queue (or it is empty), for up to
	 * {@code timeoutNanos}: how a reply's follower is paced by a slow reader. When no
	 * room came in time, the socket is closed with 4000.
	 * @return false when the socket is closing, or was closed for want of room
	 */
	boolean awaitRoom(long chars, long timeoutNanos) throws InterruptedException {
		this.lock.lock();
		try {
			long remaining = timeoutNanos;
			while (!this.closed && !this.queue.isEmpty() && this.queuedChars + chars > this.maxChars) {
				if (remaining <= 0) {
					abortLocked(CloseCodes.RESUME);
					return false;
				}
				remaining = this.space.awaitNanos(remaining);
			}
			return !this.closed;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Queues a WebSocket ping unless one is waiting already. */
	void ping() {
		this.lock.lock();
		try {
			if (!this.closed && !this.pingQueued) {
				this.pingQueued = true;
				this.queue.add(PING);
				this.ready.signal();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sends what is queued, then {@code last} (may be null), then closes the socket with
	 * {@code status}; nothing offered later goes out.
	 */
	void closeAfter(@Nullable String last, CloseStatus status) {
		this.lock.lock();
		try {
			if (this.closed) {
				return;
			}
			if (last != null) {
				this.queue.add(last);
				this.queuedChars += last.length();
			}
			this.queue.add(status);
			this.closed = true;
			decide(status);
			this.ready.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Drops what is queued and closes the socket with {@code status} at once.
	 * @return the thread that sends the close frame, or null when the socket was closed
	 * already
	 */
	@Nullable Thread abort(CloseStatus status) {
		this.lock.lock();
		try {
			return abortLocked(status);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Whether the socket is closing or closed. */
	boolean closed() {
		this.lock.lock();
		try {
			return this.closed;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The status this side decided to close with, if it did. */
	@Nullable CloseStatus closeStatus() {
		this.lock.lock();
		try {
			return this.decided;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Ends what is left without deciding a close (the peer is gone, or the session
	 * closed): nothing is counted.
	 */
	void release() {
		this.lock.lock();
		try {
			if (this.closeStatus == null) {
				this.closeStatus = CloseStatus.NORMAL;
				this.closed = true;
				this.queue.clear();
				this.queuedChars = 0;
				this.ready.signal();
				this.space.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void decide(CloseStatus status) {
		if (this.decided == null) {
			this.decided = status;
			this.closing.accept(status);
		}
	}

	private @Nullable Thread abortLocked(CloseStatus status) {
		if (this.closeStatus != null) {
			return null;
		}
		decide(status);
		this.closed = true;
		this.closeStatus = status;
		this.queue.clear();
		this.queuedChars = 0;
		this.ready.signal();
		this.space.signalAll();
		// Not on the writer, which may be stuck writing to a peer that does not read:
		// the close frame then follows the frame being written.
		return Thread.ofVirtual().name("ws-close").start(() -> closeSession(status));
	}

	private void run() {
		try {
			while (true) {
				Object next = take();
				if (next == null) {
					return;
				}
				if (next == PING) {
					this.session.sendMessage(new PingMessage(ByteBuffer.allocate(0)));
				}
				else if (next instanceof CloseStatus status) {
					markClosedWith(status);
					closeSession(status);
					return;
				}
				else {
					this.session.sendMessage(new TextMessage((String) next));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The peer is gone: the container ends the session.
			release();
		}
		catch (InterruptedException ex) {
			release();
		}
	}

	private void markClosedWith(CloseStatus status) {
		this.lock.lock();
		try {
			if (this.closeStatus == null) {
				this.closeStatus = status;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private @Nullable Object take() throws InterruptedException {
		this.lock.lock();
		try {
			while (this.queue.isEmpty() && this.closeStatus == null) {
				this.ready.await();
			}
			if (this.queue.isEmpty()) {
				// aborted
				return null;
			}
			Object next = this.queue.poll();
			if (next == PING) {
				this.pingQueued = false;
			}
			else if (next instanceof String text) {
				this.queuedChars -= text.length();
				this.space.signalAll();
			}
			return next;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void closeSession(CloseStatus status) {
		try {
			if (this.session.isOpen()) {
				this.session.close(status);
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone already
		}
	}

}

package dev.parley.realtime.socket;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import dev.parley.identity.AuthenticatedUser;

/**
 * One open WebSocket: its session and outbound queue, who it is authenticated as, the
 * conversations it follows, and its commands, carried out one after the other on a thread
 * of their own so that a slow command (a stop waits for the stored reply) never holds the
 * socket's reads.
 */
final class Socket {

	/** Commands waiting on one socket beyond which a frame is refused. */
	static final int MAX_PENDING_COMMANDS = 32;

	private final WebSocketSession session;

	private final @Nullable UUID bound;

	private final @Nullable String boundLastEventId;

	private final Outbound outbound;

	private final ConcurrentHashMap<UUID, Subscription> subscriptions = new ConcurrentHashMap<>();

	private final ThreadPoolExecutor commands;

	private final long openedAtNanos = System.nanoTime();

	private volatile long lastReceivedNanos = this.openedAtNanos;

	private volatile @Nullable Authentication authentication;

	private volatile boolean admitted;

	Socket(WebSocketSession session, @Nullable UUID bound, @Nullable String boundLastEventId, long maxQueuedChars,
			Consumer<CloseStatus> closing) {
		this.session = session;
		this.bound = bound;
		this.boundLastEventId = boundLastEventId;
		this.outbound = new Outbound(session, maxQueuedChars, closing);
		this.commands = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(MAX_PENDING_COMMANDS), Thread.ofVirtual().name("ws-commands").factory());
	}

	void start() {
		this.outbound.start();
	}

	String id() {
		return this.session.getId();
	}

	/** The conversation of a {@code /ws/chat/{id}} socket; null for {@code /ws}. */
	@Nullable UUID bound() {
		return this.bound;
	}

	/** The {@code last_event_id} query parameter of a {@code /ws/chat/{id}} upgrade. */
	@Nullable String boundLastEventId() {
		return this.boundLastEventId;
	}

	@Nullable Authentication authentication() {
		return this.authentication;
	}

	/** Sets (null: takes back) who the socket is authenticated as. */
	void authenticated(@Nullable Authentication authentication) {
		this.authentication = authentication;
	}

	/** Counted among its user's sockets. */
	void admitted() {
		this.admitted = true;
	}

	boolean isAdmitted() {
		return this.admitted;
	}

	/** The authenticated user; only for a socket that is authenticated. */
	AuthenticatedUser user() {
		Authentication current = this.authentication;
		if (current == null || !(current.getPrincipal() instanceof AuthenticatedUser user)) {
			throw new IllegalStateException("socket " + id() + " is not authenticated");
		}
		return user;
	}

	long openedAtNanos() {
		return this.openedAtNanos;
	}

	long lastReceivedNanos() {
		return this.lastReceivedNanos;
	}

	void received() {
		this.lastReceivedNanos = System.nanoTime();
	}

	/** Queues a frame; false when the socket is closing (or just overflowed). */
	boolean send(String frame) {
		return this.outbound.offer(frame);
	}

	boolean send(List<String> frames) {
		return this.outbound.offer(frames);
	}

	/** Waits for room in the outbound queue; false when the socket is closing. */
	boolean awaitRoom(long chars, long timeoutNanos) throws InterruptedException {
		return this.outbound.awaitRoom(chars, timeoutNanos);
	}

	void ping() {
		this.outbound.ping();
	}

	/** Sends what is queued and {@code last} (may be null), then closes. */
	void closeAfter(@Nullable String last, CloseStatus status) {
		this.outbound.closeAfter(last, status);
	}

	/**
	 * Drops what is queued and closes at once.
	 * @return the thread sending the close frame, or null when closed already
	 */
	@Nullable Thread abort(CloseStatus status) {
		return this.outbound.abort(status);
	}

	boolean closing() {
		return this.outbound.closed() || !this.session.isOpen();
	}

	@Nullable CloseStatus closeStatus() {
		return this.outbound.closeStatus();
	}

	/**
	 * Runs a command after the ones before it; false when too many are waiting or the
	 * socket is closing.
	 */
	boolean submit(Runnable command) {
		try {
			this.commands.execute(command);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	@Nullable Subscription subscription(UUID conversationId) {
		return this.subscriptions.get(conversationId);
	}

	/** Puts a subscription in; returns the one it replaces, if any. */
	@Nullable Subscription put(Subscription subscription) {
		return this.subscriptions.put(subscription.conversationId(), subscription);
	}

	boolean remove(Subscription subscription) {
		return this.subscriptions.remove(subscription.conversationId(), subscription);
	}

	int subscriptionCount() {
		return this.subscriptions.size();
	}

	Collection<Subscription> subscriptions() {
		return List.copyOf(this.subscriptions.values());
	}

	/** Ends the commands (a running one is interrupted) and the outbound queue. */
	void dispose() {
		this.commands.shutdownNow();
		this.outbound.release();
	}

}

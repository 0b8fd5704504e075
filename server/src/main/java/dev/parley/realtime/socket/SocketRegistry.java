package dev.parley.realtime.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

import dev.parley.realtime.ConversationEvent;
import dev.parley.realtime.ConversationEvents;
import dev.parley.realtime.RealtimeProperties;

/**
 * Every open socket of this instance: the per-user counts of sockets and subscriptions,
 * the index that routes conversation events to subscriptions, the heartbeat (a ping to
 * each socket every interval; a socket silent for the idle timeout is closed) and, at
 * shutdown, closing every socket with 1001 before the web server's graceful shutdown, so
 * that clients reconnect elsewhere at once.
 */
@Component
class SocketRegistry implements SmartLifecycle {

	/** How long a shutdown waits for the close frames (1001) to be written. */
	private static final Duration SHUTDOWN_CLOSE_WAIT = Duration.ofSeconds(2);

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Map<UUID, Set<Subscription>> byConversation = new ConcurrentHashMap<>();

	private final Map<String, Integer> socketsByUser = new ConcurrentHashMap<>();

	/** The sockets following the staff topic ({@code support}). */
	private final Set<Socket> staff = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> subscriptionsByUser = new ConcurrentHashMap<>();

	private final AtomicInteger subscriptionCount = new AtomicInteger();

	private final RealtimeProperties properties;

	private final ServerFrames frames;

	private final MeterRegistry meters;

	/**
	 * The heartbeat and auth deadlines, from start to stop (a stopped context may start
	 * again).
	 */
	private volatile ScheduledExecutorService timer = newTimer();

	private volatile boolean running;

	SocketRegistry(RealtimeProperties properties, ServerFrames frames, ConversationEvents events,
			MeterRegistry meters) {
		this.properties = properties;
		this.frames = frames;
		this.meters = meters;
		this.timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("realtime-heartbeat").factory());
		meters.gauge("parley.realtime.sockets", this.sockets, Set::size);
		meters.gauge("parley.realtime.subscriptions", this.subscriptionCount);
		events.listen(this::deliver);
	}

	/** Whether new sockets are accepted (false once shutdown began). */
	boolean accepting() {
		return this.running;
	}

	/** Adds a socket; false (and the socket is closed with 1001) when shutting down. */
	boolean add(Socket socket) {
		this.sockets.add(socket);
		if (!this.running) {
			this.sockets.remove(socket);
			socket.abort(CloseCodes.GOING_AWAY);
			return false;
		}
		return true;
	}

	/** Closes a socket that is still unauthenticated when its auth timeout passes. */
	void authDeadline(Socket socket, Runnable onTimeout) {
		try {
			this.timer.schedule(() -> {
				if (socket.authentication() == null && !socket.closing()) {
					onTimeout.run();
				}
			}, this.properties.authTimeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// stopping: the socket is closed with 1001 anyway
			socket.abort(CloseCodes.GOING_AWAY);
		}
	}

	/** Counts an authenticated socket for its user; false at the user's limit. */
	boolean admit(Socket socket) {
		boolean admitted = tryCount(this.socketsByUser, socket.user().id(), this.properties.maxSocketsPerUser());
		if (admitted) {
			socket.admitted();
		}
		return admitted;
	}

	/**
	 * Takes a place for a new subscription of the socket; false when the socket or its
	 * user are at their limit.
	 */
	boolean reserveSubscription(Socket socket) {
		if (socket.subscriptionCount() >= this.properties.maxSubscriptionsPerSocket()) {
			return false;
		}
		return tryCount(this.subscriptionsByUser, socket.user().id(), this.properties.maxSubscriptionsPerUser());
	}

	/** Frees a place {@link #reserveSubscription reserved} and not used. */
	void releaseReservation(Socket socket) {
		uncount(this.subscriptionsByUser, socket.user().id());
	}

	/** Routes conversation events to a subscription (its place is reserved). */
	void index(Subscription subscription) {
		this.byConversation.computeIfAbsent(subscription.conversationId(), (id) -> ConcurrentHashMap.newKeySet())
			.add(subscription);
		this.subscriptionCount.incrementAndGet();
	}

	/** Forgets an ended subscription and frees its place. */
	void unindex(Subscription subscription) {
		this.byConversation.computeIfPresent(subscription.conversationId(), (id, set) -> {
			set.remove(subscription);
			return set.isEmpty() ? null : set;
		});
		this.subscriptionCount.decrementAndGet();
		uncount(this.subscriptionsByUser, subscription.socket().user().id());
	}

	/** Forgets a closed socket: its subscriptions end, its counts are freed. */
	void remove(Socket socket) {
		if (!this.sockets.remove(socket)) {
			return;
		}
		this.staff.remove(socket);
		for (Subscription subscription : socket.subscriptions()) {
			if (socket.remove(subscription) && subscription.end()) {
				unindex(subscription);
			}
		}
		if (socket.isAdmitted()) {
			uncount(this.socketsByUser, socket.user().id());
		}
		socket.dispose();
		if (socket.closeStatus() == null) {
			closed("peer");
		}
	}

	/** Counts a close this side decided on (4000 for a slow consumer, ...). */
	void closing(CloseStatus status) {
		closed(Integer.toString(status.getCode()));
	}

	private void closed(String code) {
		Counter.builder("parley.realtime.closed")
			.description("Sockets closed, by the code the server closed with, or 'peer' when the client closed")
			.tag("code", code)
			.register(this.meters)
			.increment();
	}

	/** The socket receives the staff's events from now on. */
	void followStaffTopic(Socket socket) {
		this.staff.add(socket);
		if (socket.closing() || !this.sockets.contains(socket)) {
			this.staff.remove(socket);
		}
	}

	void unfollowStaffTopic(Socket socket) {
		this.staff.remove(socket);
	}

	private void deliver(ConversationEvent event) {
		if (event.forStaff()) {
			if (!this.staff.isEmpty()) {
				String frame = this.frames.conversationEvent(event);
				for (Socket socket : this.staff) {
					socket.send(frame);
				}
			}
			return;
		}
		Set<Subscription> subscriptions = this.byConversation.get(event.conversationId());
		if (subscriptions == null || subscriptions.isEmpty()) {
			return;
		}
		String frame = this.frames.conversationEvent(event);
		for (Subscription subscription : subscriptions) {
			subscription.deliver(frame);
			if (ConversationEvent.CONVERSATION_DELETED.equals(event.type())) {
				Socket socket = subscription.socket();
				if (socket.remove(subscription) && subscription.end()) {
					unindex(subscription);
					socket.send(this.frames.unsubscribed(null, subscription.conversationId(), "deleted"));
				}
			}
		}
	}

	private void heartbeat() {
		try {
			beat();
		}
		catch (RuntimeException ex) {
			// the next beat tries again
		}
	}

	private void beat() {
		long now = System.nanoTime();
		long idle = this.properties.idleTimeout().toNanos();
		for (Socket socket : this.sockets) {
			if (now - socket.lastReceivedNanos() > idle) {
				socket.abort(CloseCodes.IDLE);
			}
			else {
				socket.ping();
			}
		}
	}

	private static boolean tryCount(Map<String, Integer> counts, String user, int max) {
		boolean[] taken = new boolean[1];
		counts.compute(user, (key, count) -> {
			int current = (count != null) ? count : 0;
			taken[0] = current < max;
			if (!taken[0]) {
				return count;
			}
			return current + 1;
		});
		return taken[0];
	}

	private static void uncount(Map<String, Integer> counts, String user) {
		counts.computeIfPresent(user, (key, count) -> (count > 1) ? count - 1 : null);
	}

	private static ScheduledExecutorService newTimer() {
		return Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("realtime-heartbeat").factory());
	}

	@Override
	public void start() {
		if (this.timer.isShutdown()) {
			this.timer = newTimer();
		}
		Duration interval = this.properties.heartbeatInterval();
		this.timer.scheduleAtFixedRate(this::heartbeat, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		List<Thread> closing = new ArrayList<>();
		for (Socket socket : this.sockets) {
			Thread closer = socket.abort(CloseCodes.GOING_AWAY);
			if (closer != null) {
				closing.add(closer);
			}
		}
		this.timer.shutdownNow();
		// The close frames must be out before the server stops, or clients see 1006
		// instead of 1001; a peer that does not read is not waited for long.
		long deadline = System.nanoTime() + SHUTDOWN_CLOSE_WAIT.toNanos();
		for (Thread closer : closing) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				break;
			}
			try {
				closer.join(Duration.ofNanos(left));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}

package dev.parley.realtime.socket;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatCommands;
import dev.parley.chat.FeedPosition;
import dev.parley.chat.ReplyFeed;
import dev.parley.chat.SendMessageRequest;
import dev.parley.conversation.ConversationProblem;
import dev.parley.conversation.Message;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.CallerRateLimit;
import dev.parley.identity.Credentials;
import dev.parley.identity.Role;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemClassifier;
import dev.parley.platform.problem.ProblemException;
import dev.parley.realtime.RealtimeProblem;
import dev.parley.realtime.RealtimeProperties;

/**
 * What each client frame does, as the socket's user (in the security context, as for a
 * REST request): authenticate, subscribe and unsubscribe, send, stop, ping. Each
 * subscription follows its conversation on a virtual thread of its own. Every failure is
 * answered with an {@code error} frame carrying the problem the REST route would answer.
 */
@Component
class SocketCommands {

	private static final Logger log = LoggerFactory.getLogger(SocketCommands.class);

	/** The one topic a socket may follow besides conversations. */
	static final String SUPPORT_TOPIC = "support";

	private final ReplyFeed feed;

	private final ChatCommands chat;

	private final Credentials credentials;

	private final CallerRateLimit rateLimit;

	private final SocketRegistry registry;

	private final ServerFrames frames;

	private final List<ProblemClassifier> classifiers;

	private final long sendTimeoutNanos;

	SocketCommands(ReplyFeed feed, ChatCommands chat, Credentials credentials, CallerRateLimit rateLimit,
			SocketRegistry registry, ServerFrames frames, List<ProblemClassifier> classifiers,
			RealtimeProperties properties) {
		this.sendTimeoutNanos = properties.sendTimeout().toNanos();
		this.feed = feed;
		this.chat = chat;
		this.credentials = credentials;
		this.rateLimit = rateLimit;
		this.registry = registry;
		this.frames = frames;
		this.classifiers = List.copyOf(classifiers);
	}

	/**
	 * Carries out a frame; before authentication only {@code auth} and {@code ping}, any
	 * other closes the socket with 4401.
	 */
	void run(Socket socket, ClientFrame frame) {
		if (socket.closing()) {
			return;
		}
		Authentication authentication = socket.authentication();
		if (authentication == null && !(frame instanceof ClientFrame.Auth) && !(frame instanceof ClientFrame.Ping)) {
			socket.closeAfter(this.frames.problem(frame.requestId(), null,
					ProblemException.of(RealtimeProblem.AUTHENTICATION_REQUIRED,
							"Authenticate first: an 'auth' frame with an access token or API key, or a ticket")),
					CloseCodes.UNAUTHORIZED);
			return;
		}
		if (authentication != null) {
			SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
		}
		try {
			switch (frame) {
				case ClientFrame.Auth auth -> authenticate(socket, auth);
				case ClientFrame.Subscribe subscribe when subscribe.topic() != null ->
					subscribeTopic(socket, subscribe.requestId(), subscribe.topic(), subscribe.conversationId());
				case ClientFrame.Subscribe subscribe -> subscribe(socket, subscribe.requestId(),
						ClientFrames.conversation(subscribe.conversationId(), socket.bound()), subscribe.lastEventId());
				case ClientFrame.Unsubscribe unsubscribe when unsubscribe.topic() != null ->
					unsubscribeTopic(socket, unsubscribe.requestId(), unsubscribe.topic());
				case ClientFrame.Unsubscribe unsubscribe -> unsubscribe(socket, unsubscribe.requestId(),
						ClientFrames.conversation(unsubscribe.conversationId(), socket.bound()));
				case ClientFrame.Send send -> send(socket, send);
				case ClientFrame.Stop stop -> stop(socket, stop);
				case ClientFrame.Ping ping -> socket.send(this.frames.pong(ping.requestId()));
			}
		}
		catch (ProblemException ex) {
			socket.send(this.frames.problem(frame.requestId(), conversationOf(frame, socket), ex));
		}
		catch (RuntimeException ex) {
			socket.send(this.frames.problem(frame.requestId(), conversationOf(frame, socket), classify(ex)));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * A socket authenticated (at the upgrade, or by its {@code auth} frame): counted for
	 * its user, told so, and on {@code /ws/chat/{id}} subscribed to its conversation.
	 */
	void opened(Socket socket, @Nullable String requestId) {
		if (!this.registry.admit(socket)) {
			socket.authenticated(null);
			socket.closeAfter(
					this.frames.problem(requestId, null,
							ProblemException.of(RealtimeProblem.SOCKET_LIMIT,
									"You hold the most sockets allowed at once; close one first")),
					CloseCodes.TOO_MANY_SOCKETS);
			return;
		}
		socket.send(this.frames.authenticated(requestId, socket.user().id()));
		UUID bound = socket.bound();
		if (bound != null) {
			SecurityContextHolder.setContext(new SecurityContextImpl(socket.authentication()));
			try {
				subscribe(socket, null, bound, socket.boundLastEventId());
			}
			catch (ProblemException ex) {
				boolean missing = ex.type().equals(ConversationProblem.CONVERSATION_NOT_FOUND);
				socket.closeAfter(this.frames.problem(null, bound, ex),
						missing ? CloseCodes.NOT_FOUND : CloseCodes.BAD_REQUEST);
			}
			catch (RuntimeException ex) {
				socket.closeAfter(this.frames.problem(null, bound, classify(ex)), CloseCodes.SERVER_ERROR);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}
	}

	private void authenticate(Socket socket, ClientFrame.Auth auth) {
		if (socket.authentication() != null) {
			throw ProblemException.of(RealtimeProblem.ALREADY_AUTHENTICATED, "This socket is authenticated already");
		}
		Authentication authentication;
		try {
			authentication = this.credentials.authenticate((auth.token() != null) ? auth.token() : "");
		}
		catch (ProblemException ex) {
			socket.closeAfter(this.frames.problem(auth.requestId(), null, ex), CloseCodes.UNAUTHORIZED);
			return;
		}
		ProblemException refusal = HandshakeGuard.refusal(authentication);
		if (refusal != null) {
			socket.closeAfter(this.frames.problem(auth.requestId(), null, refusal), CloseCodes.FORBIDDEN);
			return;
		}
		socket.authenticated(authentication);
		opened(socket, auth.requestId());
	}

	/**
	 * Follows the {@code support} topic: customer service's events, for human agents and
	 * administrators.
	 */
	private void subscribeTopic(Socket socket, @Nullable String requestId, String topic,
			@Nullable String conversationId) {
		requireSupportTopic(topic, conversationId);
		Role role = socket.user().role();
		if (role != Role.AGENT && role != Role.ADMIN) {
			throw ProblemException.of(RealtimeProblem.TOPIC_FORBIDDEN,
					"Only human agents and administrators may follow the 'support' topic");
		}
		this.registry.followStaffTopic(socket);
		socket.send(this.frames.topic("subscribed", requestId, topic));
	}

	private void unsubscribeTopic(Socket socket, @Nullable String requestId, String topic) {
		requireSupportTopic(topic, null);
		this.registry.unfollowStaffTopic(socket);
		socket.send(this.frames.topic("unsubscribed", requestId, topic));
	}

	private static void requireSupportTopic(String topic, @Nullable String conversationId) {
		if (!SUPPORT_TOPIC.equals(topic)) {
			throw ProblemException.invalid("topic", "must be '" + SUPPORT_TOPIC + "'");
		}
		if (conversationId != null) {
			throw ProblemException.invalid("conversation_id", "cannot be given together with topic");
		}
	}

	private void subscribe(Socket socket, @Nullable String requestId, UUID conversationId,
			@Nullable String lastEventId) {
		AuthenticatedUser user = socket.user();
		this.rateLimit.consume(user);
		FeedPosition position = this.feed.position(conversationId, lastEventId);
		Subscription previous = socket.subscription(conversationId);
		if (previous != null && socket.remove(previous) && previous.end()) {
			this.registry.unindex(previous);
		}
		reserve(socket);
		follow(socket, requestId, position, (lastEventId != null && !lastEventId.isBlank()) ? lastEventId : null)
			.start();
	}

	/**
	 * Subscribes the socket at {@code position} (its place {@link #reserve reserved}, no
	 * subscription to the conversation left); answers {@code subscribed} and returns the
	 * follower, to start once what must come before the reply's events is queued.
	 */
	private void reserve(Socket socket) {
		if (!this.registry.reserveSubscription(socket)) {
			throw ProblemException.of(RealtimeProblem.SUBSCRIPTION_LIMIT,
					"This socket or your sockets follow the most conversations allowed; unsubscribe from one first");
		}
	}

	private Thread follow(Socket socket, @Nullable String requestId, FeedPosition position,
			@Nullable String lastEventId) {
		UUID conversationId = position.conversationId();
		Subscription subscription = new Subscription(socket, conversationId, this.frames, this.sendTimeoutNanos);
		socket.put(subscription);
		this.registry.index(subscription);
		socket.send(this.frames.subscribed(requestId, conversationId, lastEventId));
		Authentication authentication = socket.authentication();
		Thread follower = Thread.ofVirtual()
			.name("ws-follow")
			.unstarted(() -> run(subscription, position, authentication));
		subscription.follower(follower);
		return follower;
	}

	private void run(Subscription subscription, FeedPosition position, @Nullable Authentication authentication) {
		SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
		try {
			this.feed.follow(position, subscription);
		}
		catch (IOException | InterruptedException ex) {
			// unsubscribed, socket closed, or shutting down
		}
		catch (RuntimeException ex) {
			Socket socket = subscription.socket();
			if (socket.remove(subscription) && subscription.end()) {
				this.registry.unindex(subscription);
				socket.send(this.frames.problem(null, subscription.conversationId(), classify(ex)));
				socket.send(this.frames.unsubscribed(null, subscription.conversationId(), "error"));
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void unsubscribe(Socket socket, @Nullable String requestId, UUID conversationId) {
		Subscription subscription = socket.subscription(conversationId);
		if (subscription != null && socket.remove(subscription) && subscription.end()) {
			this.registry.unindex(subscription);
		}
		socket.send(this.frames.unsubscribed(requestId, conversationId, "requested"));
	}

	private void send(Socket socket, ClientFrame.Send send) {
		UUID conversationId = ClientFrames.conversation(send.conversationId(), socket.bound());
		this.rateLimit.consume(socket.user());
		boolean subscribed = socket.subscription(conversationId) != null;
		if (!subscribed) {
			// Before the send, so that a send is never half done: stored but unfollowed.
			reserve(socket);
		}
		ChatCommands.SentMessage sent;
		try {
			sent = this.chat.send(conversationId,
					new SendMessageRequest(send.content(), send.parentId(), send.model(), send.root()));
		}
		catch (RuntimeException ex) {
			if (!subscribed) {
				this.registry.releaseReservation(socket);
			}
			throw ex;
		}
		Thread follower = subscribed ? null
				: follow(socket, null, FeedPosition.beginningOf(conversationId, sent.replyId()), null);
		socket.send(this.frames.sent(send.requestId(), conversationId, sent.userMessageId(), sent.replyId()));
		if (follower != null) {
			follower.start();
		}
	}

	private void stop(Socket socket, ClientFrame.Stop stop) {
		UUID conversationId = ClientFrames.conversation(stop.conversationId(), socket.bound());
		this.rateLimit.consume(socket.user());
		Message stopped = this.chat.stop(conversationId);
		socket.send(this.frames.stopped(stop.requestId(), conversationId, stopped));
	}

	private static @Nullable UUID conversationOf(ClientFrame frame, Socket socket) {
		String id = switch (frame) {
			case ClientFrame.Subscribe subscribe -> subscribe.conversationId();
			case ClientFrame.Unsubscribe unsubscribe -> unsubscribe.conversationId();
			case ClientFrame.Send send -> send.conversationId();
			case ClientFrame.Stop stop -> stop.conversationId();
			default -> null;
		};
		if (id == null) {
			return (frame instanceof ClientFrame.Auth || frame instanceof ClientFrame.Ping) ? null : socket.bound();
		}
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The problem an unexpected failure is (the database away, ...), else internal. */
	ProblemException classify(RuntimeException failure) {
		for (ProblemClassifier classifier : this.classifiers) {
			ProblemException known = classifier.classify(failure);
			if (known != null) {
				return known;
			}
		}
		log.error("A WebSocket command failed", failure);
		return ProblemException.of(CommonProblem.INTERNAL, "An unexpected error occurred");
	}

}

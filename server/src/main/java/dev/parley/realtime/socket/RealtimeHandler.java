package dev.parley.realtime.socket;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import dev.parley.platform.problem.ProblemException;
import dev.parley.realtime.RealtimeProblem;
import dev.parley.realtime.RealtimeProperties;

/**
 * The WebSocket protocol of {@code /ws} and {@code /ws/chat/{id}}: reads each frame
 * (pongs and every frame count as signs of life), answers a bad one with an {@code error}
 * frame and keeps the socket, and hands the others to the socket's commands. Before
 * authentication only {@code auth} and {@code ping} are accepted.
 */
@Component
class RealtimeHandler implements WebSocketHandler {

	private static final String SOCKET = "parley.realtime.socket";

	private final SocketRegistry registry;

	private final SocketCommands commands;

	private final ClientFrames reader;

	private final ServerFrames frames;

	private final RealtimeProperties properties;

	RealtimeHandler(SocketRegistry registry, SocketCommands commands, ClientFrames reader, ServerFrames frames,
			RealtimeProperties properties) {
		this.registry = registry;
		this.commands = commands;
		this.reader = reader;
		this.frames = frames;
		this.properties = properties;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		Map<String, Object> attributes = session.getAttributes();
		Socket socket = new Socket(session, (UUID) attributes.get(HandshakeGuard.BOUND),
				(String) attributes.get(HandshakeGuard.LAST_EVENT_ID), this.properties.maxQueuedBytes().toBytes(),
				this.registry::closing);
		attributes.put(SOCKET, socket);
		socket.start();
		if (!this.registry.add(socket)) {
			return;
		}
		Authentication authentication = (Authentication) attributes.remove(HandshakeGuard.AUTHENTICATION);
		if (authentication != null) {
			socket.authenticated(authentication);
			if (!socket.submit(() -> this.commands.opened(socket, null))) {
				socket.abort(CloseStatus.SERVER_ERROR);
			}
		}
		else {
			this.registry
				.authDeadline(socket,
						() -> socket
							.closeAfter(
									this.frames.problem(null, null,
											ProblemException.of(RealtimeProblem.AUTHENTICATION_REQUIRED,
													"No 'auth' frame within "
															+ this.properties.authTimeout().toSeconds() + " s")),
									CloseCodes.UNAUTHORIZED));
		}
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
		Socket socket = (Socket) session.getAttributes().get(SOCKET);
		if (socket == null) {
			return;
		}
		socket.received();
		if (message instanceof PongMessage || socket.closing()) {
			return;
		}
		if (!(message instanceof TextMessage text)) {
			refuse(socket, null,
					ProblemException.of(RealtimeProblem.UNSUPPORTED_FRAME, (message instanceof BinaryMessage)
							? "Frames are JSON text; binary frames are not read" : "Unsupported frame"));
			return;
		}
		if (text.getPayloadLength() > this.properties.maxFrameSize().toBytes()) {
			refuse(socket, null, ProblemException.of(RealtimeProblem.FRAME_TOO_LARGE, "The frame has "
					+ text.getPayloadLength() + " bytes; the limit is " + this.properties.maxFrameSize().toBytes()));
			return;
		}
		ClientFrame frame;
		try {
			frame = this.reader.read(text.getPayload(), socket.bound());
		}
		catch (FrameProblem ex) {
			refuse(socket, ex.requestId(), ex.problem());
			return;
		}
		// Whether the socket is authenticated by then is the commands' to tell, in order:
		// an 'auth' frame may still be in progress.
		if (!socket.submit(() -> this.commands.run(socket, frame))) {
			refuse(socket, frame.requestId(), ProblemException.of(RealtimeProblem.TOO_MANY_PENDING,
					"More than " + Socket.MAX_PENDING_COMMANDS + " commands are waiting on this socket"));
		}
	}

	private void refuse(Socket socket, String requestId, ProblemException problem) {
		socket.send(this.frames.problem(requestId, null, problem));
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		Socket socket = (Socket) session.getAttributes().get(SOCKET);
		if (socket != null) {
			socket.abort(CloseStatus.SERVER_ERROR);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
		Socket socket = (Socket) session.getAttributes().get(SOCKET);
		if (socket != null) {
			this.registry.remove(socket);
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return false;
	}

}

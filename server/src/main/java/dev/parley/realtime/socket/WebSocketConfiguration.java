package dev.parley.realtime.socket;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import dev.parley.realtime.RealtimeProperties;

/**
 * Maps {@code /ws} and {@code /ws/chat/{conversation_id}} on Jetty's WebSocket support.
 * The origin check is {@link HandshakeGuard}'s, against the CORS configuration, so
 * Spring's own same-origin check is opened. Jetty's limits sit above Parley's: its idle
 * timeout past the heartbeat's, its message size at twice {@code max-frame-size} (a frame
 * between the two is refused with an {@code error} frame, not by closing the socket), and
 * no {@code permessage-deflate} ({@link UncompressedJettyUpgrade}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

	private final RealtimeHandler handler;

	private final HandshakeGuard guard;

	private final RealtimeProperties properties;

	WebSocketConfiguration(RealtimeHandler handler, HandshakeGuard guard, RealtimeProperties properties) {
		this.handler = handler;
		this.guard = guard;
		this.properties = properties;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		JettyRequestUpgradeStrategy jetty = new UncompressedJettyUpgrade();
		Duration idle = this.properties.idleTimeout().plus(this.properties.heartbeatInterval());
		long maxMessage = 2 * this.properties.maxFrameSize().toBytes();
		jetty.addWebSocketConfigurer((configurable) -> {
			configurable.setIdleTimeout(idle);
			configurable.setMaxTextMessageSize(maxMessage);
			configurable.setMaxBinaryMessageSize(64 * 1024);
		});
		registry.addHandler(this.handler, "/ws", "/ws/chat/*")
			.setHandshakeHandler(new DefaultHandshakeHandler(jetty))
			.addInterceptors(this.guard)
			.setAllowedOriginPatterns("*");
	}

}

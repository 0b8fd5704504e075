package dev.parley.realtime.socket;

import jakarta.servlet.ServletContext;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy;

/**
 * Jetty's upgrade without {@code permessage-deflate}: Parley's frames are small (a chunk
 * is about 150 bytes), so compressing each costs more CPU than it saves bytes, and each
 * compressed socket holds a deflater and an inflater with their windows, memory that
 * would grow with the number of sockets. (Node's WebSocket client also lost the last
 * frames before a close on compressed sockets.)
 */
final class UncompressedJettyUpgrade extends JettyRequestUpgradeStrategy {

	static final String PERMESSAGE_DEFLATE = "permessage-deflate";

	@Override
	public void setServletContext(ServletContext servletContext) {
		super.setServletContext(servletContext);
		ServletContextHandler handler = ServletContextHandler.getServletContextHandler(servletContext);
		WebSocketComponents components = (handler != null) ? WebSocketServerComponents.getWebSocketComponents(handler)
				: null;
		if (components != null) {
			components.getExtensionRegistry().unregister(PERMESSAGE_DEFLATE);
		}
	}

}

package dev.parley.platform.web;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives every Jetty connector the listen backlog {@code parley.http.accept-queue-size}
 * before it opens its port (Spring Boot 4 has no property for it, and Jetty's default is
 * 50).
 */
@Component
class JettyAcceptQueue implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

	private final int acceptQueueSize;

	JettyAcceptQueue(HttpProperties properties) {
		this.acceptQueueSize = properties.acceptQueueSize();
	}

	@Override
	public void customize(JettyServletWebServerFactory factory) {
		factory.addServerCustomizers(this::applyTo);
	}

	private void applyTo(Server server) {
		for (var connector : server.getConnectors()) {
			if (connector instanceof ServerConnector serverConnector) {
				serverConnector.setAcceptQueueSize(this.acceptQueueSize);
			}
		}
	}

}

package dev.parley.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ServletHandler;
import org.eclipse.jetty.http.UriCompliance.Violation;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Lets encoded slashes through to the {@link EncodedSlashRoute}s, and only to them: Jetty
 * accepts such URIs (its URI compliance allows {@code AMBIGUOUS_PATH_SEPARATOR}) and its
 * servlet layer decodes them instead of refusing them, and Spring Security's firewall,
 * which every request passes before any controller, refuses an encoded slash anywhere
 * else with a 400 as before. The firewall's other checks ({@code ..}, {@code ;}, control
 * characters, ...) apply to every route.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashConfiguration {

	@Bean
	HttpFirewall httpFirewall(List<EncodedSlashRoute> routes) {
		return new RouteFirewall(routes);
	}

	@Bean
	JettyServerCustomizer decodeEncodedSlashes(List<EncodedSlashRoute> routes) {
		return (server) -> {
			if (routes.isEmpty()) {
				return;
			}
			for (Connector connector : server.getConnectors()) {
				HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
				if (http != null) {
					HttpConfiguration configuration = http.getHttpConfiguration();
					configuration.setUriCompliance(
							configuration.getUriCompliance().with("PARLEY", Violation.AMBIGUOUS_PATH_SEPARATOR));
				}
			}
			ServletHandler servlets = server.getDescendant(ServletHandler.class);
			if (servlets == null) {
				throw new IllegalStateException("Jetty has no servlet handler to decode encoded slashes in");
			}
			servlets.setDecodeAmbiguousURIs(true);
		};
	}

	/** The strict firewall, with encoded slashes allowed under the routes only. */
	private static final class RouteFirewall implements HttpFirewall {

		private final StrictHttpFirewall strict = new StrictHttpFirewall();

		private final StrictHttpFirewall slashes = new StrictHttpFirewall();

		private final List<EncodedSlashRoute> routes;

		RouteFirewall(List<EncodedSlashRoute> routes) {
			this.routes = List.copyOf(routes);
			this.slashes.setAllowUrlEncodedSlash(true);
		}

		@Override
		public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
			String uri = request.getRequestURI();
			boolean covered = uri != null && this.routes.stream().anyMatch((route) -> route.covers(uri));
			return (covered ? this.slashes : this.strict).getFirewalledRequest(request);
		}

		@Override
		public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
			return this.strict.getFirewalledResponse(response);
		}

	}

}

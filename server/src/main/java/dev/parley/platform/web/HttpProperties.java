package dev.parley.platform.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits and cross-origin access ({@code parley.http.*}).
 *
 * @param maxRequestBytes the largest request body accepted (a plain number is bytes;
 * {@code 2MB} works too); larger bodies get 413
 * @param acceptQueueSize the listen backlog of the HTTP port: how many connections the
 * kernel completes and holds before Parley accepts them, so a burst of connects is not
 * made to wait for a SYN retransmit (about a second); the kernel caps it at
 * {@code net.core.somaxconn}
 * @param cors which other origins (web apps on another host) may call the API
 */
@ConfigurationProperties("parley.http")
record HttpProperties(@DefaultValue("1048576") DataSize maxRequestBytes, @DefaultValue("1000") int acceptQueueSize,
		@DefaultValue Cors cors) {

	HttpProperties {
		if (acceptQueueSize < 1) {
			throw new IllegalArgumentException(
					"parley.http.accept-queue-size must be at least 1, not " + acceptQueueSize);
		}
	}

	/**
	 * Cross-origin resource sharing; with no allowed origins (the default) Parley sends
	 * no CORS headers, so browsers allow only same-origin pages.
	 *
	 * @param allowedOrigins origins such as {@code https://chat.example.com}; patterns
	 * like {@code https://*.example.com} and {@code *} are accepted
	 * @param allowedMethods the methods a cross-origin page may use
	 * @param allowedHeaders the request headers a cross-origin page may send
	 * @param exposedHeaders the response headers a cross-origin page may read
	 * @param allowCredentials whether cookies and HTTP authentication are sent (Parley
	 * uses bearer tokens, so this is rarely needed); not allowed with {@code *}
	 * @param maxAge how long a browser may cache a preflight answer
	 */
	record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue( {
			"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" }) List<String> allowedMethods,
			@DefaultValue({ "Authorization", "Content-Type", "Last-Event-ID", "Accept" }) List<String> allowedHeaders,
			@DefaultValue({ "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
					"Location" }) List<String> exposedHeaders,
			@DefaultValue("false") boolean allowCredentials, @DefaultValue("1h") Duration maxAge){

		Cors {
			allowedOrigins = allowedOrigins.stream().map(String::strip).filter((o) -> !o.isEmpty()).toList();
			if (allowCredentials && allowedOrigins.contains("*")) {
				throw new IllegalArgumentException("parley.http.cors.allowed-origins must not contain '*' when "
						+ "parley.http.cors.allow-credentials is true: list the origins that may send credentials");
			}
		}

	}

}

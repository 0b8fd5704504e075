package dev.parley.compat;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the old systems' routes ({@code parley.compat.*}, docs/OPERATIONS.md,
 * "Compatibility routes").
 *
 * @param enabled whether the routes exist; off (the default), they answer as any unknown
 * path
 * @param anonymous callers without an API key who are let in anyway, as one user
 * @param cors other origins whose pages may call the routes
 * @param streamPairing how long a reply started by {@code POST /api/v1/chat/{id}/stream}
 * waits for the event stream ({@code GET} on the same URL) that delivers it; an event
 * stream opened later does not get it
 * @param streamWait how long an event stream waits for a message to be posted before it
 * ends with an {@code error} event
 * @param sessionsListLimit the most sessions {@code GET /api/v1/context/conversations}
 * lists (the newest)
 */
@ConfigurationProperties("parley.compat")
public record CompatProperties(@DefaultValue("false") boolean enabled, @DefaultValue Anonymous anonymous,
		@DefaultValue Cors cors, @DefaultValue("30s") Duration streamPairing, @DefaultValue("10m") Duration streamWait,
		@DefaultValue("100") int sessionsListLimit) {

	public CompatProperties {
		if (streamPairing.isNegative() || streamPairing.isZero()) {
			throw new IllegalArgumentException("parley.compat.stream-pairing must be positive, not " + streamPairing);
		}
		if (streamWait.isNegative() || streamWait.isZero()) {
			throw new IllegalArgumentException("parley.compat.stream-wait must be positive, not " + streamWait);
		}
		if (sessionsListLimit < 1) {
			throw new IllegalArgumentException(
					"parley.compat.sessions-list-limit must be at least 1, not " + sessionsListLimit);
		}
	}

	/**
	 * Anonymous callers: requests without a credential from one of {@code networks} act
	 * as {@code user}. Both or neither must be set.
	 *
	 * @param networks CIDR blocks ({@code 10.0.0.0/8}, {@code 192.168.1.20/32},
	 * {@code fd00::/8}) of the client's address as Parley sees it (behind a proxy only
	 * with {@code server.forward-headers-strategy} set)
	 * @param user the e-mail address of the existing ordinary user (role USER) they act
	 * as: its conversations, rate limits and quota are theirs
	 */
	public record Anonymous(@DefaultValue List<String> networks, @Nullable String user) {

		public Anonymous {
			networks = networks.stream().map(String::strip).filter((network) -> !network.isEmpty()).toList();
			user = (user != null && !user.isBlank()) ? user.strip() : null;
			if (networks.isEmpty() != (user == null)) {
				throw new IllegalArgumentException("parley.compat.anonymous.networks and parley.compat.anonymous.user "
						+ "go together: set both to let anonymous callers in, or neither");
			}
		}

		/** Whether anonymous callers are let in at all. */
		public boolean configured() {
			return this.user != null;
		}

	}

	/**
	 * Cross-origin access to the routes (the old front ends on another host); none by
	 * default.
	 *
	 * @param allowedOrigins origins such as {@code https://chat.example.com}; patterns
	 * like {@code https://*.example.com} and {@code *} are accepted
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {

		public Cors {
			allowedOrigins = allowedOrigins.stream().map(String::strip).filter((origin) -> !origin.isEmpty()).toList();
		}

	}

}

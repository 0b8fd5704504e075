package dev.parley.realtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the WebSocket endpoints ({@code parley.realtime.*}).
 *
 * @param ticketTtl how long a ticket from {@code POST /api/v1/realtime/tickets} can open
 * a socket (once)
 * @param authTimeout how long a socket opened without a ticket or Authorization header
 * has to send its {@code auth} frame before it is closed (4401)
 * @param heartbeatInterval how often the server pings each socket (a WebSocket ping
 * frame)
 * @param idleTimeout a socket from which nothing (no frame, no pong) arrived for this
 * long is closed (4001): a dead peer
 * @param maxSubscriptionsPerSocket the most conversations one socket follows at once
 * @param maxSubscriptionsPerUser the most conversations one user's sockets follow at once
 * (on this instance)
 * @param maxSocketsPerUser the most sockets one user holds open at once (on this
 * instance)
 * @param maxQueuedBytes the most text queued to a socket that does not read fast enough
 * (about bytes: counted in characters); a reply's events wait for room, other frames
 * beyond it close the socket with 4000 ("resume with your last event ids") and the queue
 * is dropped
 * @param sendTimeout how long a reply's events wait for room in a full queue before the
 * socket is closed with 4000
 * @param maxFrameSize the largest frame a client may send; a larger one gets an
 * {@code error} frame ({@code frame-too-large}), one more than twice as large closes the
 * socket (1009)
 */
@ConfigurationProperties("parley.realtime")
public record RealtimeProperties(@DefaultValue("30s") Duration ticketTtl, @DefaultValue("5s") Duration authTimeout,
		@DefaultValue("25s") Duration heartbeatInterval, @DefaultValue("60s") Duration idleTimeout,
		@DefaultValue("100") int maxSubscriptionsPerSocket, @DefaultValue("500") int maxSubscriptionsPerUser,
		@DefaultValue("20") int maxSocketsPerUser, @DefaultValue("1MB") DataSize maxQueuedBytes,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("256KB") DataSize maxFrameSize) {

	public RealtimeProperties {
		positive("ticket-ttl", ticketTtl);
		positive("auth-timeout", authTimeout);
		positive("heartbeat-interval", heartbeatInterval);
		positive("idle-timeout", idleTimeout);
		positive("send-timeout", sendTimeout);
		atLeastOne("max-subscriptions-per-socket", maxSubscriptionsPerSocket);
		atLeastOne("max-subscriptions-per-user", maxSubscriptionsPerUser);
		atLeastOne("max-sockets-per-user", maxSocketsPerUser);
		atLeastOne("max-queued-bytes", maxQueuedBytes.toBytes());
		atLeastOne("max-frame-size", maxFrameSize.toBytes());
		if (maxFrameSize.toBytes() > Integer.MAX_VALUE / 2) {
			throw new IllegalArgumentException("parley.realtime.max-frame-size must be below 1 GB");
		}
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("parley.realtime." + name + " must be positive, not " + value);
		}
	}

	private static void atLeastOne(String name, long value) {
		if (value < 1) {
			throw new IllegalArgumentException("parley.realtime." + name + " must be at least 1, not " + value);
		}
	}

}

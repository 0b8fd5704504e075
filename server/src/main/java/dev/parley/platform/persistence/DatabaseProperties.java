package dev.parley.platform.persistence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Parley meets a database server that goes away ({@code parley.database.*}); the
 * pool's own waits are {@code spring.datasource.hikari.*} and the statement timeout
 * {@code spring.jdbc.template.query-timeout}.
 *
 * @param connectTimeout the longest wait for a TCP connection to a PostgreSQL or MariaDB
 * server (the driver's {@code connectTimeout}, unless the URL sets it)
 * @param socketTimeout the longest wait for any answer on an open connection, which ends
 * a query to a frozen server or over a network that drops packets (the driver's
 * {@code socketTimeout}, unless the URL sets it); above the statement timeout
 * @param retryAfter the {@code Retry-After} of a {@code database-unavailable} answer
 * @param embeddedPoolWait the longest wait for a pooled connection to the embedded H2
 * database, in place of {@code spring.datasource.hikari.connection-timeout}: H2 runs in
 * this process and cannot be away, so a connection that is not free at once is only busy
 * under load, and a request waits for it rather than fail
 */
@ConfigurationProperties("parley.database")
public record DatabaseProperties(@DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("10s") Duration socketTimeout, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("30s") Duration embeddedPoolWait) {
}

package dev.parley.platform.cluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis link shared by what instances share (rate limits, event log, locks, ...),
 * created only when {@code parley.redis.url} is set. A Redis that goes away makes
 * commands fail fast rather than queue, and connections reconnect by themselves, at most
 * a second after Redis is back.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
public class RedisConfiguration {

	/** Bounds every command, so a hung Redis costs a request at most this long. */
	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

	@Bean(destroyMethod = "shutdown")
	ClientResources redisResources() {
		return resources();
	}

	@Bean(destroyMethod = "shutdown")
	RedisClient redisClient(@Value("${parley.redis.url}") String url, ClientResources resources) {
		return createClient(url, resources);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	RedisLink redisLink(RedisClient client, MeterRegistry registry) {
		return new RedisLink(client, registry);
	}

	/**
	 * Event loops whose reconnect attempts come at most a second apart, so shared mode
	 * returns within about a second of Redis.
	 */
	public static ClientResources resources() {
		return ClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
			.build();
	}

	/**
	 * A client for {@code url} on resources of its own, left to the JVM (for tests and
	 * tools).
	 */
	public static RedisClient createClient(String url) {
		return createClient(url, resources());
	}

	/**
	 * A client for {@code url} with Parley's options: fail fast while disconnected,
	 * bounded commands, automatic reconnect.
	 */
	public static RedisClient createClient(String url, ClientResources resources) {
		RedisClient client = RedisClient.create(resources, RedisURI.create(url));
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
			.timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
			.build());
		return client;
	}

}

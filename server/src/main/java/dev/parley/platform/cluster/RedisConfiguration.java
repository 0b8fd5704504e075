package dev.parley.platform.cluster;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis client shared by what instances share (rate limits, ...), created only when
 * {@code parley.redis.url} is set. A Redis that goes away makes commands fail fast rather
 * than queue, and the connection reconnects by itself when Redis is back.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
public class RedisConfiguration {

	/** Bounds every command, so a hung Redis costs a request at most this long. */
	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

	@Bean(destroyMethod = "shutdown")
	RedisClient redisClient(@Value("${parley.redis.url}") String url) {
		return createClient(url);
	}

	/**
	 * A connection with text keys and binary values, as Bucket4j's Lettuce back-end uses.
	 */
	@Bean(destroyMethod = "close")
	StatefulRedisConnection<String, byte[]> redisBinaryConnection(RedisClient client) {
		return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
	}

	/**
	 * A client for {@code url} with Parley's options: fail fast while disconnected,
	 * bounded commands, automatic reconnect.
	 */
	public static RedisClient createClient(String url) {
		RedisClient client = RedisClient.create(RedisURI.create(url));
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
			.timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
			.build());
		return client;
	}

}

package dev.parley.cache;

import java.time.Duration;
import java.util.Optional;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replies in Redis under {@code parley:cache:<key>}, shared by every instance and dropped
 * by Redis after the time to live. A Redis failure is a miss or a skipped put, never an
 * error.
 */
final class RedisCacheStore implements CacheStore {

	static final String KEY_PREFIX = "parley:cache:";

	private final StatefulRedisConnection<String, byte[]> connection;

	private final long ttlSeconds;

	private final ReplyCodec codec;

	private final CacheOutage outage;

	RedisCacheStore(StatefulRedisConnection<String, byte[]> connection, Duration ttl, CacheOutage outage,
			JsonMapper json) {
		this.connection = connection;
		this.ttlSeconds = Math.max(1, ttl.toSeconds());
		this.outage = outage;
		this.codec = new ReplyCodec(json);
	}

	@Override
	public Optional<CachedReply> get(String key) {
		byte[] value;
		try {
			value = this.connection.sync().get(KEY_PREFIX + key);
			this.outage.succeeded();
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
			return Optional.empty();
		}
		return (value != null) ? this.codec.decode(value) : Optional.empty();
	}

	@Override
	public void put(String key, CachedReply reply) {
		byte[] value = this.codec.encode(reply);
		try {
			this.connection.sync().set(KEY_PREFIX + key, value, SetArgs.Builder.ex(this.ttlSeconds));
			this.outage.succeeded();
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
		}
	}

}

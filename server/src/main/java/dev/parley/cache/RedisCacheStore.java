package dev.parley.cache;

import java.time.Duration;
import java.util.Optional;

import io.lettuce.core.SetArgs;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.cluster.RedisUnavailableException;

/**
 * Replies in Redis under {@code parley:cache:<key>}, shared by every instance and dropped
 * by Redis after the time to live. A Redis failure, or a Redis known to be away, is a
 * miss or a skipped put, never an error.
 */
final class RedisCacheStore implements CacheStore {

	static final String KEY_PREFIX = "parley:cache:";

	private static final RedisUnavailableException AWAY = new RedisUnavailableException(
			"Redis did not answer its last ping");

	private final RedisLink link;

	private final long ttlSeconds;

	private final ReplyCodec codec;

	private final CacheOutage outage;

	RedisCacheStore(RedisLink link, Duration ttl, CacheOutage outage, JsonMapper json) {
		this.link = link;
		this.ttlSeconds = Math.max(1, ttl.toSeconds());
		this.outage = outage;
		this.codec = new ReplyCodec(json);
	}

	@Override
	public Optional<CachedReply> get(String key) {
		if (!this.link.up()) {
			this.outage.failed(AWAY);
			return Optional.empty();
		}
		byte[] value;
		try {
			value = this.link.binary().sync().get(KEY_PREFIX + key);
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
		if (!this.link.up()) {
			this.outage.failed(AWAY);
			return;
		}
		byte[] value = this.codec.encode(reply);
		try {
			this.link.binary().sync().set(KEY_PREFIX + key, value, SetArgs.Builder.ex(this.ttlSeconds));
			this.outage.succeeded();
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
		}
	}

}

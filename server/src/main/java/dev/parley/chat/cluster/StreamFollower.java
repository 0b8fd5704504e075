package dev.parley.chat.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.platform.cluster.RedisLink;

/**
 * Follows the Redis streams this instance watches with ONE blocking {@code XREAD} on a
 * connection of its own, however many streams and subscribers there are; a watch added
 * while it blocks wakes it through a stream of its own. Entries reach each stream's
 * watcher in order, on the follower's thread. While Redis is away it waits, and goes on
 * from where each watch was when Redis is back.
 */
final class StreamFollower implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(StreamFollower.class);

	private static final long BLOCK_MILLIS = 500;

	private static final int COUNT = 512;

	private final RedisLink link;

	private final Map<String, Watch> watches = new ConcurrentHashMap<>();

	private final String wakeKey = "parley:wake:" + UUID.randomUUID();

	private final Semaphore changed = new Semaphore(0);

	private final Thread thread;

	private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;

	private volatile boolean closed;

	private volatile boolean rewound;

	StreamFollower(RedisLink link) {
		this.link = link;
		this.thread = Thread.ofPlatform().name("redis-stream-follower").daemon().unstarted(this::run);
	}

	void start() {
		this.thread.start();
	}

	/**
	 * Delivers the entries of {@code key} after {@code afterId} to {@code watcher}, until
	 * {@link #unwatch}; replaces an earlier watch of the same key.
	 */
	void watch(String key, String afterId, Watcher watcher) {
		this.watches.put(key, new Watch(watcher, afterId));
		this.changed.release();
		wake();
	}

	void unwatch(String key) {
		this.watches.remove(key);
	}

	/** Reads {@code key} again from {@code afterId} (a watcher found a gap). */
	void rewind(String key, String afterId) {
		Watch watch = this.watches.get(key);
		if (watch != null) {
			watch.afterId = afterId;
			this.rewound = true;
		}
	}

	private void wake() {
		if (this.link.up()) {
			try {
				this.link.binary().async().xadd(this.wakeKey, XAddArgs.Builder.maxlen(1), Map.of("w", new byte[0]));
				this.link.binary().async().pexpire(this.wakeKey, TimeUnit.HOURS.toMillis(1));
			}
			catch (RuntimeException ex) {
				// The next round sees the watch within BLOCK_MILLIS anyway.
			}
		}
	}

	private void run() {
		while (!this.closed) {
			try {
				if (this.watches.isEmpty()) {
					this.changed.tryAcquire(1, TimeUnit.SECONDS);
					continue;
				}
				if (!this.link.up()) {
					Thread.sleep(250);
					continue;
				}
				round();
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				log.debug("Reading followed streams failed: {}", ex.toString());
				sleepQuietly();
			}
		}
	}

	private void round() throws InterruptedException {
		Map<String, Watch> current = new LinkedHashMap<>(this.watches);
		List<XReadArgs.StreamOffset<String>> offsets = new ArrayList<>(current.size() + 1);
		offsets.add(XReadArgs.StreamOffset.latest(this.wakeKey));
		current.forEach((key, watch) -> offsets.add(XReadArgs.StreamOffset.from(key, watch.afterId)));
		@SuppressWarnings("unchecked")
		XReadArgs.StreamOffset<String>[] streams = offsets.toArray(new XReadArgs.StreamOffset[0]);
		List<StreamMessage<String, byte[]>> entries = connection().sync()
			.xread(XReadArgs.Builder.block(BLOCK_MILLIS).count(COUNT), streams);
		Map<String, List<StreamMessage<String, byte[]>>> byStream = new LinkedHashMap<>();
		for (StreamMessage<String, byte[]> entry : entries) {
			byStream.computeIfAbsent(entry.getStream(), (key) -> new ArrayList<>()).add(entry);
		}
		for (Map.Entry<String, List<StreamMessage<String, byte[]>>> stream : byStream.entrySet()) {
			Watch watch = current.get(stream.getKey());
			if (watch == null || this.watches.get(stream.getKey()) != watch) {
				continue;
			}
			List<StreamMessage<String, byte[]>> got = stream.getValue();
			watch.afterId = got.get(got.size() - 1).getId();
			try {
				watch.watcher.entries(got);
			}
			catch (RuntimeException ex) {
				log.warn("A stream watcher failed on {}: {}", stream.getKey(), ex.toString());
			}
		}
		if (this.rewound) {
			this.rewound = false;
			// A gap waits for its writer to fill it; do not spin on it.
			Thread.sleep(100);
		}
	}

	private StatefulRedisConnection<String, byte[]> connection() {
		StatefulRedisConnection<String, byte[]> current = this.connection;
		if (current == null) {
			current = this.link.client().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			this.connection = current;
		}
		return current;
	}

	private static void sleepQuietly() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.thread.interrupt();
		StatefulRedisConnection<String, byte[]> current = this.connection;
		if (current != null) {
			current.close();
		}
	}

	/** Receives a followed stream's new entries, oldest first. */
	interface Watcher {

		void entries(List<StreamMessage<String, byte[]>> entries);

	}

	private static final class Watch {

		private final Watcher watcher;

		private volatile String afterId;

		private Watch(Watcher watcher, String afterId) {
			this.watcher = watcher;
			this.afterId = afterId;
		}

	}

}

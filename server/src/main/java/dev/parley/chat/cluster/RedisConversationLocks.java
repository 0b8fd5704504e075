package dev.parley.chat.cluster;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;

import dev.parley.chat.ConversationLocks;
import dev.parley.chat.InMemoryConversationLocks;
import dev.parley.platform.cluster.RedisLink;

/**
 * One generation per conversation across the cluster: {@code parley:lock:<conversation>}
 * holds the holder's name with a lease ({@code SET NX PX}), renewed and released only by
 * its holder (a script compares first), so a dead instance's lock lapses by itself. While
 * Redis is away, locks are taken in this instance alone (and kept there until released):
 * two instances may then each start a reply in the same conversation, which is what the
 * outage costs.
 */
public final class RedisConversationLocks implements ConversationLocks {

	static final String KEY_PREFIX = "parley:lock:";

	private static final String RENEW = """
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
			end
			if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
			return 0
			""";

	private static final String RELEASE = """
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  return redis.call('DEL', KEYS[1])
			end
			return 0
			""";

	private final RedisLink link;

	private final InMemoryConversationLocks local = new InMemoryConversationLocks();

	/** Locks taken while Redis was away, held in this instance only. */
	private final Set<UUID> heldLocally = ConcurrentHashMap.newKeySet();

	public RedisConversationLocks(RedisLink link) {
		this.link = link;
	}

	@Override
	public boolean tryAcquire(UUID conversationId, String holder, Duration lease) {
		if (this.link.up()) {
			try {
				String answer = this.link.text()
					.sync()
					.set(key(conversationId), holder, SetArgs.Builder.nx().px(lease.toMillis()));
				return "OK".equals(answer);
			}
			catch (RuntimeException ex) {
				// Redis went away just now: this instance decides alone.
			}
		}
		boolean taken = this.local.tryAcquire(conversationId, holder, lease);
		if (taken) {
			this.heldLocally.add(conversationId);
		}
		return taken;
	}

	@Override
	public boolean renew(UUID conversationId, String holder, Duration lease) {
		if (this.heldLocally.contains(conversationId)) {
			return this.local.renew(conversationId, holder, lease);
		}
		if (!this.link.up()) {
			// Held in Redis, which is away: the lease there runs on; keep the reply
			// going.
			return true;
		}
		try {
			Long renewed = this.link.text()
				.sync()
				.eval(RENEW, ScriptOutputType.INTEGER, new String[] { key(conversationId) }, holder,
						Long.toString(lease.toMillis()));
			return renewed != null && renewed == 1;
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	@Override
	public void release(UUID conversationId, String holder) {
		if (this.heldLocally.remove(conversationId)) {
			this.local.release(conversationId, holder);
			return;
		}
		if (!this.link.up()) {
			// The lease lapses by itself.
			return;
		}
		try {
			this.link.text()
				.sync()
				.eval(RELEASE, ScriptOutputType.INTEGER, new String[] { key(conversationId) }, holder);
		}
		catch (RuntimeException ex) {
			// The lease lapses by itself.
		}
	}

	static String key(UUID conversationId) {
		return KEY_PREFIX + conversationId;
	}

}

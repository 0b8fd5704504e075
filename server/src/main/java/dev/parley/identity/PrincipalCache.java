package dev.parley.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.parley.identity.user.PrincipalsChanged;

/**
 * Resolved bearer credentials kept for a short time, so that an authenticated request
 * does not re-read its user and session (or key and owner) every time. Any revocation
 * ({@link PrincipalsChanged}) drops every entry at once: when it is published, again
 * after its transaction completes, and on the other instances through the
 * {@link PrincipalBroadcast} when Redis is configured. The cache is only used while
 * revocations can reach it: with a broadcast, while its subscription is up; without one,
 * only on a database no other instance uses (embedded H2, or
 * {@code parley.identity.single-instance}). Otherwise every request reads the database as
 * before. Expiry (of the key, of the session) is checked on every request from the cached
 * values.
 */
final class PrincipalCache {

	private static final Logger logger = LoggerFactory.getLogger(PrincipalCache.class);

	private static final int MAXIMUM_SIZE = 10_000;

	/**
	 * A cached principal: the user it resolves to, when the credential stops being valid,
	 * and (for a key) when the key's last use was last recorded.
	 */
	record Entry(AuthenticatedUser user, @Nullable Instant expiresAt, AtomicReference<@Nullable Instant> lastUsed) {

		boolean validAt(Instant now) {
			return this.expiresAt == null || this.expiresAt.isAfter(now);
		}

	}

	private final @Nullable Cache<String, Entry> entries;

	private final @Nullable PrincipalBroadcast broadcast;

	private final AtomicLong generation = new AtomicLong();

	/**
	 * A cache used only where revocations reach it.
	 * @param ttl how long an entry lives; zero turns the cache off
	 * @param broadcast how revocations reach the other instances, or null when no Redis
	 * @param alone whether no other instance can use this database (only read without a
	 * broadcast)
	 */
	PrincipalCache(Duration ttl, @Nullable PrincipalBroadcast broadcast, boolean alone) {
		boolean on = !ttl.isZero() && !ttl.isNegative() && (broadcast != null || alone);
		this.entries = on ? Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).expireAfterWrite(ttl).build() : null;
		this.broadcast = on ? broadcast : null;
		if (this.broadcast != null) {
			this.broadcast.listen(this::dropAll);
		}
		logger.info("Principal cache: {}", (this.entries == null) ? "off (every request reads the database)"
				: (this.broadcast != null) ? "on for " + ttl + ", revocations shared over Redis" : "on for " + ttl);
	}

	/** Whether entries are kept at all (false: every request reads the database). */
	boolean enabled() {
		return this.entries != null;
	}

	/** Whether entries may be served now: on, and revocations can reach this instance. */
	boolean usable() {
		return this.entries != null && (this.broadcast == null || this.broadcast.listening());
	}

	@Nullable Entry get(String key) {
		return usable() ? this.entries.getIfPresent(key) : null;
	}

	/** To be read before the database reads whose result {@link #put} keeps. */
	long generation() {
		return this.generation.get();
	}

	/**
	 * Keeps {@code entry} unless something was revoked since {@code generation} was read
	 * (then the reads may predate the revocation).
	 */
	void put(String key, Entry entry, long generation) {
		if (!usable() || this.generation.get() != generation) {
			return;
		}
		this.entries.put(key, entry);
		if (this.generation.get() != generation) {
			this.entries.invalidate(key);
		}
	}

	void dropAll() {
		this.generation.incrementAndGet();
		if (this.entries != null) {
			this.entries.invalidateAll();
		}
	}

	@EventListener
	void on(PrincipalsChanged change) {
		if (this.entries == null) {
			return;
		}
		dropAll();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					afterWrite(change);
				}
			});
		}
		else {
			afterWrite(change);
		}
	}

	private void afterWrite(PrincipalsChanged change) {
		dropAll();
		if (this.broadcast != null) {
			this.broadcast.publish(change);
		}
	}

}

package dev.parley.chat;

import java.time.Duration;
import java.util.UUID;

/**
 * One generation per conversation at a time. Each lock has a lease that its holder
 * renews, so a dead instance frees its conversations. A seam for scale-out: in-process
 * here, Redis later.
 */
public interface ConversationLocks {

	/**
	 * Takes the conversation's lock for {@code holder}; false when someone else holds a
	 * live lease.
	 */
	boolean tryAcquire(UUID conversationId, String holder, Duration lease);

	/** Extends a held lease; false when the lock is no longer the holder's. */
	boolean renew(UUID conversationId, String holder, Duration lease);

	/** Releases the lock if {@code holder} still holds it. */
	void release(UUID conversationId, String holder);

}

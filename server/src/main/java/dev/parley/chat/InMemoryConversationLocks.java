package dev.parley.chat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The single-instance {@link ConversationLocks}. */
public final class InMemoryConversationLocks implements ConversationLocks {

	private record Lease(String holder, long expiresAtNanos) {

		boolean live(long now) {
			return this.expiresAtNanos - now > 0;
		}

	}

	private final ConcurrentHashMap<UUID, Lease> leases = new ConcurrentHashMap<>();

	@Override
	public boolean tryAcquire(UUID conversationId, String holder, Duration lease) {
		long now = System.nanoTime();
		Lease mine = new Lease(holder, now + lease.toNanos());
		Lease result = this.leases.compute(conversationId,
				(id, current) -> (current == null || !current.live(now)) ? mine : current);
		return result == mine;
	}

	@Override
	public boolean renew(UUID conversationId, String holder, Duration lease) {
		long now = System.nanoTime();
		Lease result = this.leases.computeIfPresent(conversationId,
				(id, current) -> current.holder().equals(holder) ? new Lease(holder, now + lease.toNanos()) : current);
		return result != null && result.holder().equals(holder);
	}

	@Override
	public void release(UUID conversationId, String holder) {
		this.leases.computeIfPresent(conversationId, (id, current) -> current.holder().equals(holder) ? null : current);
	}

}

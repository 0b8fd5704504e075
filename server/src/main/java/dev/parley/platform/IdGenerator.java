package dev.parley.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Generates time-ordered UUIDv7 ids, strictly increasing within this process, so that ids
 * sort in creation order (keyset paging orders by id). Every request takes one (its
 * request id), so nothing here waits: the time stamp and its counter advance in one
 * atomic step, and the random bits come from the caller's own {@link ThreadLocalRandom}.
 * A shared {@code SecureRandom} serialised every request on its lock (the operating
 * system's source, or the DRBG's state) and convoyed thousands of them under load. Ids
 * are not secrets: every read of what they name checks its owner, and credentials are
 * made elsewhere ({@code identity.Secrets}).
 */
@Component
public class IdGenerator {

	private static final int COUNTER_BITS = 12;

	/** Where a new millisecond's counter starts at most, leaving room to count up. */
	private static final int COUNTER_START = 0x200;

	/** The last id's milliseconds and counter, as {@code millis << 12 | counter}. */
	private final AtomicLong last = new AtomicLong();

	public UUID next() {
		// A full counter carries into the milliseconds: ids stay strictly increasing.
		long stamp = this.last.updateAndGet((previous) -> {
			long now = System.currentTimeMillis();
			return (now > previous >>> COUNTER_BITS)
					? (now << COUNTER_BITS) | ThreadLocalRandom.current().nextInt(COUNTER_START) : previous + 1;
		});
		long msb = ((stamp >>> COUNTER_BITS) << 16) | 0x7000L | (stamp & 0xFFFL);
		long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

}

package dev.parley.platform;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Generates time-ordered UUIDv7 ids, strictly increasing within this process, so that ids
 * sort in creation order (keyset paging orders by id).
 */
@Component
public class IdGenerator {

	private final SecureRandom random = new SecureRandom();

	private final ReentrantLock lock = new ReentrantLock();

	private long lastMillis;

	private long counter;

	public UUID next() {
		long millis;
		long seq;
		this.lock.lock();
		try {
			long now = System.currentTimeMillis();
			if (now > this.lastMillis) {
				this.lastMillis = now;
				this.counter = this.random.nextLong() & 0x1FFL;
			}
			else {
				this.counter++;
				if (this.counter > 0xFFFL) {
					this.lastMillis++;
					this.counter = 0;
				}
			}
			millis = this.lastMillis;
			seq = this.counter;
		}
		finally {
			this.lock.unlock();
		}
		long msb = (millis << 16) | 0x7000L | seq;
		long lsb = (this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

}

package dev.parley.provider.catalog;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A provider's API keys, handed out round-robin. A key the upstream refuses (401/403) is
 * taken out and reported to the listener (which stores and shows it); it stays out until
 * the provider's keys are changed. Thread-safe.
 */
public final class KeyPool {

	/** Told once when a key is taken out. */
	@FunctionalInterface
	public interface Listener {

		/**
		 * A key the upstream refused.
		 * @param index the key's position in the provider's list
		 * @param reason what the upstream answered
		 */
		void rejected(int index, String reason);

	}

	private final List<String> keys;

	private final AtomicReferenceArray<String> rejected;

	private final AtomicInteger next = new AtomicInteger();

	private final Listener listener;

	/**
	 * A pool over the given keys.
	 * @param keys the keys in order (empty for an upstream without keys, e.g. Ollama)
	 * @param rejectedReasons per key, why it was already taken out, or null when healthy
	 * (same size as keys, or empty when all are healthy)
	 * @param listener told when a key is taken out
	 */
	public KeyPool(List<String> keys, List<String> rejectedReasons, Listener listener) {
		this.keys = List.copyOf(keys);
		this.rejected = new AtomicReferenceArray<>(this.keys.size());
		for (int i = 0; i < rejectedReasons.size() && i < this.keys.size(); i++) {
			this.rejected.set(i, rejectedReasons.get(i));
		}
		this.listener = listener;
	}

	/** A pool of healthy keys that reports nothing. */
	public static KeyPool of(List<String> keys) {
		return new KeyPool(keys, List.of(), (index, reason) -> {
		});
	}

	/** Whether the provider uses keys at all. */
	public boolean keyless() {
		return this.keys.isEmpty();
	}

	/** Keys not taken out. */
	public int healthy() {
		int count = 0;
		for (int i = 0; i < this.keys.size(); i++) {
			if (this.rejected.get(i) == null) {
				count++;
			}
		}
		return count;
	}

	/** The next healthy key's index in turn, or -1 when every key was taken out. */
	public int nextIndex() {
		int size = this.keys.size();
		int start = Math.floorMod(this.next.getAndIncrement(), size);
		for (int i = 0; i < size; i++) {
			int index = (start + i) % size;
			if (this.rejected.get(index) == null) {
				return index;
			}
		}
		return -1;
	}

	public String key(int index) {
		return this.keys.get(index);
	}

	/** Takes a key out; the listener hears of it once. */
	public void reject(int index, String reason) {
		if (this.rejected.compareAndSet(index, null, reason)) {
			this.listener.rejected(index, reason);
		}
	}

}

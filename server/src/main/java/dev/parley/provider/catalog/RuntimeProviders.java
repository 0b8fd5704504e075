package dev.parley.provider.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import dev.parley.provider.ChatProvider;
import dev.parley.provider.ProviderException;
import dev.parley.provider.store.ProviderRepository;
import dev.parley.provider.store.StoredProvider;

/**
 * The providers created through the admin API, built once and cached. On use, at most
 * every {@code recheck} it compares a cheap fingerprint of the tables (and reloads fully
 * every {@code reload}, against clock skew between instances); only providers that
 * changed are rebuilt. A replaced provider is not closed: streams in flight on it finish,
 * and its client is collected afterwards. Thread-safe; once a first snapshot exists, the
 * recheck runs on a thread of its own, so no caller waits for the database, except the
 * first after a change made on this instance, which reads it before it answers.
 */
final class RuntimeProviders implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RuntimeProviders.class);

	/** A stored provider and what serves its calls (null when it could not be built). */
	record Built(StoredProvider stored, ChatProvider provider) {
	}

	/**
	 * The providers at one moment: all of them by id, and the enabled ones oldest first.
	 */
	record Snapshot(Map<String, Built> byId, List<Built> enabled) {

		static final Snapshot EMPTY = new Snapshot(Map.of(), List.of());

		Optional<Built> enabledNamed(String name) {
			String key = ProviderRepository.nameKey(name);
			return this.enabled.stream()
				.filter((b) -> ProviderRepository.nameKey(b.stored().name()).equals(key))
				.findFirst();
		}

	}

	private final ProviderRepository store;

	private final ProviderFactory factory;

	private final long recheckNanos;

	private final long reloadNanos;

	private final ReentrantLock lock = new ReentrantLock();

	private final AtomicBoolean rechecking = new AtomicBoolean();

	private volatile Snapshot snapshot;

	private volatile ProviderRepository.Fingerprint fingerprint;

	private volatile long checkedAt;

	private volatile long loadedAt;

	private volatile boolean stale;

	RuntimeProviders(ProviderRepository store, ProviderFactory factory, Duration recheck, Duration reload) {
		this.store = store;
		this.factory = factory;
		this.recheckNanos = recheck.toNanos();
		this.reloadNanos = reload.toNanos();
	}

	Snapshot current() {
		if (this.snapshot == null || this.stale) {
			this.lock.lock();
			try {
				if (this.snapshot == null || this.stale) {
					this.stale = false;
					refresh(true);
				}
				return this.snapshot;
			}
			finally {
				this.lock.unlock();
			}
		}
		long now = System.nanoTime();
		if (now - this.checkedAt >= this.recheckNanos && this.rechecking.compareAndSet(false, true)) {
			// Off the caller's thread: a database that is slow or away delays no request.
			Thread.ofVirtual().name("provider-recheck").start(() -> recheck(now));
		}
		return this.snapshot;
	}

	/**
	 * Makes the next use re-read the tables before it answers (after a change made on
	 * this instance).
	 */
	void invalidate() {
		this.lock.lock();
		try {
			this.fingerprint = null;
			this.stale = true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void recheck(long now) {
		this.lock.lock();
		try {
			refresh(now - this.loadedAt >= this.reloadNanos);
		}
		finally {
			this.lock.unlock();
			this.rechecking.set(false);
		}
	}

	private void refresh(boolean full) {
		this.checkedAt = System.nanoTime();
		try {
			ProviderRepository.Fingerprint now = this.store.fingerprint();
			if (!full && now.equals(this.fingerprint) && this.snapshot != null) {
				return;
			}
			this.snapshot = rebuild(this.store.all(), (this.snapshot != null) ? this.snapshot : Snapshot.EMPTY);
			this.fingerprint = now;
			this.loadedAt = System.nanoTime();
		}
		catch (DataAccessException ex) {
			log.warn("Cannot read the providers from the database ({}); using the ones read before",
					ex.getMostSpecificCause().getMessage());
			if (this.snapshot == null) {
				this.snapshot = Snapshot.EMPTY;
			}
		}
	}

	private Snapshot rebuild(List<StoredProvider> rows, Snapshot previous) {
		Map<String, Built> byId = new LinkedHashMap<>();
		List<Built> enabled = new ArrayList<>();
		for (StoredProvider row : rows) {
			Built before = previous.byId().get(row.id());
			Built built = (before != null && before.stored().equals(row)) ? before : build(row);
			byId.put(row.id(), built);
			if (row.enabled() && built.provider() != null) {
				enabled.add(built);
			}
		}
		return new Snapshot(Map.copyOf(byId), List.copyOf(enabled));
	}

	private Built build(StoredProvider row) {
		if (!row.enabled()) {
			return new Built(row, null);
		}
		try {
			Built built = new Built(row, this.factory.build(row));
			log.info("LLM provider '{}' ({}): {} at {}, models {}", row.name(), row.id(), row.protocol().wireName(),
					row.baseUrl(), row.models());
			return built;
		}
		catch (RuntimeException ex) {
			log.error("LLM provider '{}' ({}) cannot be used: {}", row.name(), row.id(),
					(ex instanceof ProviderException failure) ? failure.detail() : ex.getMessage());
			return new Built(row, null);
		}
	}

	/** Closes every current provider's connections (application stop). */
	@Override
	public void close() {
		Snapshot current = this.snapshot;
		if (current == null) {
			return;
		}
		Map<String, Built> all = new HashMap<>(current.byId());
		for (Built built : all.values()) {
			if (built.provider() instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					log.debug("Closing provider {} failed: {}", built.stored().id(), ex.getMessage());
				}
			}
		}
	}

}

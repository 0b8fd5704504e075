package dev.parley.identity.limit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.Role;
import dev.parley.identity.user.PrincipalsChanged;
import dev.parley.platform.VirtualThreads;

/**
 * The {@link QuotaPolicy} with the overrides stored in the database, read through a
 * cache: an entry is read again in the background once it is {@link #REFRESH} old (the
 * old value is served meanwhile, and kept while the database cannot be read), and a
 * change drops it at once on this instance, on the others through the
 * {@link QuotaBroadcast} when Redis is configured (or within {@link #REFRESH} when the
 * message cannot reach them). A user whose overrides cannot be read at all (the database
 * away, nothing cached) gets the configured defaults.
 */
class QuotaOverrides implements QuotaPolicy {

	/** How old a cached override may get before it is read again. */
	static final Duration REFRESH = Duration.ofSeconds(5);

	static final String ROLES = "roles";

	private static final Logger logger = LoggerFactory.getLogger(QuotaOverrides.class);

	private static final int MAXIMUM_USERS = 100_000;

	private final LimitProperties properties;

	private final LoadingCache<String, Optional<QuotaOverrideRepository.UserQuota>> users;

	private final LoadingCache<String, Map<Role, QuotaOverride>> roles;

	private final @Nullable QuotaBroadcast broadcast;

	QuotaOverrides(QuotaOverrideRepository repository, LimitProperties properties, @Nullable QuotaBroadcast broadcast) {
		this(repository, properties, broadcast, REFRESH);
	}

	/**
	 * Overrides read again once {@code refresh} old (tests use less than the default).
	 */
	QuotaOverrides(QuotaOverrideRepository repository, LimitProperties properties, @Nullable QuotaBroadcast broadcast,
			Duration refresh) {
		this.properties = properties;
		// Refreshes read the database: on virtual threads, not the common pool.
		this.users = Caffeine.newBuilder()
			.executor(VirtualThreads.executor("quota-refresh"))
			.maximumSize(MAXIMUM_USERS)
			.refreshAfterWrite(refresh)
			.expireAfterAccess(Duration.ofHours(1))
			.build(keepingOldOnFailure(repository::user));
		this.roles = Caffeine.newBuilder()
			.executor(VirtualThreads.executor("quota-refresh"))
			.refreshAfterWrite(refresh)
			.build(keepingOldOnFailure((key) -> repository.roles()));
		this.broadcast = broadcast;
		if (broadcast != null) {
			broadcast.listen(this::dropped, this::refreshAll);
		}
	}

	@Override
	public Limit requests(AuthenticatedUser caller) {
		Optional<QuotaOverrideRepository.UserQuota> user = user(caller.id());
		Long perMinute = QuotaOverride.requestsPerMinute(
				user.map(QuotaOverrideRepository.UserQuota::override).orElse(null),
				roleOverride(user.map(QuotaOverrideRepository.UserQuota::role).orElse(caller.role())));
		Limit configured = caller.viaApiKey() ? this.properties.apiKeyRequests() : this.properties.userRequests();
		return (perMinute != null) ? new Limit(configured.name(), perMinute, configured.period()) : configured;
	}

	@Override
	public long tokensPerDay(String userId) {
		Optional<QuotaOverrideRepository.UserQuota> user = user(userId);
		return QuotaOverride.tokensPerDay(user.map(QuotaOverrideRepository.UserQuota::override).orElse(null),
				user.map((found) -> roleOverride(found.role())).orElse(null), this.properties.userTokensPerDay());
	}

	/** The configured defaults (what an override replaces). */
	LimitProperties defaults() {
		return this.properties;
	}

	/**
	 * Drops what is cached under {@code key} (a user id or {@link #ROLES}) here and on
	 * the other instances, after the current transaction commits (at once without one).
	 */
	void changed(String key) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					publish(key);
				}
			});
		}
		else {
			publish(key);
		}
	}

	/** A role change moves a user to another role's override. */
	@EventListener
	void on(PrincipalsChanged change) {
		this.users.invalidateAll();
	}

	private void publish(String key) {
		dropped(key);
		if (this.broadcast != null) {
			this.broadcast.publish(key);
		}
	}

	private void dropped(String key) {
		if (ROLES.equals(key)) {
			this.roles.invalidateAll();
		}
		else {
			this.users.invalidate(key);
		}
	}

	/**
	 * After messages may have been missed: read everything again, keeping it meanwhile.
	 */
	private void refreshAll() {
		this.roles.refreshAll(this.roles.asMap().keySet());
		this.users.refreshAll(this.users.asMap().keySet());
	}

	private Optional<QuotaOverrideRepository.UserQuota> user(String userId) {
		try {
			return this.users.get(userId);
		}
		catch (DataAccessException | CompletionException ex) {
			logger.debug("Quota overrides of user {} unreadable, using the defaults: {}", userId, ex.toString());
			return Optional.empty();
		}
	}

	private @Nullable QuotaOverride roleOverride(Role role) {
		try {
			return this.roles.get(ROLES).get(role);
		}
		catch (DataAccessException | CompletionException ex) {
			logger.debug("Role quota overrides unreadable, using the defaults: {}", ex.toString());
			return null;
		}
	}

	/** A loader whose background refresh keeps the old value when the database fails. */
	private static <K, V> CacheLoader<K, V> keepingOldOnFailure(CacheLoader<K, V> load) {
		return new CacheLoader<>() {

			@Override
			public V load(K key) throws Exception {
				return load.load(key);
			}

			@Override
			public V reload(K key, V oldValue) {
				try {
					return load.load(key);
				}
				catch (Exception ex) {
					logger.debug("Quota overrides not refreshed, keeping the cached ones: {}", ex.toString());
					return oldValue;
				}
			}

		};
	}

}

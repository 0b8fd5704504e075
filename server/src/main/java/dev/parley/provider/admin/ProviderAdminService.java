package dev.parley.provider.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.audit.AuditLogRepository;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderProblem;
import dev.parley.provider.ProviderProperties;
import dev.parley.provider.ProviderProtocol;
import dev.parley.provider.catalog.DatabaseProviderCatalog;
import dev.parley.provider.catalog.DemoProvider;
import dev.parley.provider.catalog.EnvironmentProvider;
import dev.parley.provider.catalog.PooledProvider;
import dev.parley.provider.catalog.ProviderFactory;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.keys.KeyCipher;
import dev.parley.provider.store.ProviderRepository;
import dev.parley.provider.store.StoredProvider;

/**
 * What administrators do to providers: list, create, change, delete, test. Keys are
 * encrypted before they are stored and never leave this class in clear; every change is
 * visible to this instance at once and to the others within seconds.
 */
@Service
class ProviderAdminService {

	private static final Logger log = LoggerFactory.getLogger(ProviderAdminService.class);

	private final ProviderRepository store;

	private final KeyCipher cipher;

	private final DatabaseProviderCatalog catalog;

	private final ProviderFactory factory;

	private final ProviderProperties defaults;

	private final IdGenerator ids;

	private final CurrentUser currentUser;

	private final TransactionTemplate transaction;

	private final AuditLogRepository audit;

	private final Clock clock;

	private final EgressPolicy egress;

	ProviderAdminService(ProviderRepository store, KeyCipher cipher, DatabaseProviderCatalog catalog,
			ProviderFactory factory, ProviderProperties defaults, IdGenerator ids, CurrentUser currentUser,
			PlatformTransactionManager transactions, AuditLogRepository audit, Clock clock, EgressPolicy egress) {
		this.store = store;
		this.cipher = cipher;
		this.catalog = catalog;
		this.factory = factory;
		this.defaults = defaults;
		this.ids = ids;
		this.currentUser = currentUser;
		this.transaction = new TransactionTemplate(transactions);
		this.audit = audit;
		this.clock = clock;
		this.egress = egress;
	}

	/** The environment's provider first, then the stored ones, the oldest first. */
	List<ProviderView> list() {
		List<ProviderView> views = new ArrayList<>();
		if (this.catalog.environment() != null) {
			views.add(ProviderView.of(this.catalog.environment()));
		}
		this.store.all().forEach((p) -> views.add(ProviderView.of(p, this.cipher)));
		return views;
	}

	ProviderView get(String id) {
		EnvironmentProvider env = environment(id);
		return (env != null) ? ProviderView.of(env) : ProviderView.of(require(id), this.cipher);
	}

	ProviderView create(ProviderRequest request) {
		StoredProvider.Builder settings = settings(StoredProvider.builder(), request, null);
		List<String> keys = ProviderRules.apiKeys((request.apiKeys() != null) ? request.apiKeys() : List.of());
		String id = this.ids.next().toString();
		Instant now = Jdbc.now(this.clock);
		StoredProvider provider = settings.id(id).createdAt(now).updatedAt(now).keys(encrypt(id, keys)).build();
		String name = provider.name();
		String described = provider.protocol().wireName() + " at " + provider.baseUrl();
		write(name, () -> {
			requireNameFree(name, null);
			this.store.insert(provider);
			this.audit.record(this.currentUser.id(), "provider.create", "provider", id,
					name + ": " + described + ", " + keys.size() + " key(s)");
			return null;
		});
		log.info("Provider '{}' ({}) created by {}: {} with {} key(s)", name, id, this.currentUser.id(), described,
				keys.size());
		return get(id);
	}

	ProviderView update(String id, ProviderRequest request) {
		requireWritable(id);
		StoredProvider current = require(id);
		StoredProvider.Builder settings = settings(current.toBuilder(), request, current);
		boolean replaceKeys = request.apiKeys() != null;
		List<StoredProvider.StoredKey> keys = replaceKeys ? encrypt(id, ProviderRules.apiKeys(request.apiKeys()))
				: current.keys();
		StoredProvider changed = settings.updatedAt(Jdbc.now(this.clock)).keys(keys).build();
		String name = changed.name();
		String note = changeNote(current, changed, replaceKeys);
		write(name, () -> {
			if (!ProviderRepository.nameKey(name).equals(ProviderRepository.nameKey(current.name()))) {
				requireNameFree(name, id);
			}
			this.store.update(changed, replaceKeys);
			this.audit.record(this.currentUser.id(), "provider.update", "provider", id, name + note);
			return null;
		});
		log.info("Provider '{}' ({}) changed by {}{}", name, id, this.currentUser.id(), note);
		return get(id);
	}

	void delete(String id) {
		requireWritable(id);
		StoredProvider current = require(id);
		write(current.name(), () -> {
			this.store.delete(id);
			this.audit.record(this.currentUser.id(), "provider.delete", "provider", id, current.name());
			return null;
		});
		log.info("Provider '{}' ({}) deleted by {}", current.name(), id, this.currentUser.id());
	}

	/** A tiny call to the first model; a failure is an answer, never an error. */
	ConnectionTest test(String id) {
		EnvironmentProvider env = environment(id);
		if (env != null) {
			return ConnectionTest.run(env.provider(), env.defaultModel(),
					(env.apiKey() != null) ? List.of(env.apiKey()) : List.of());
		}
		StoredProvider stored = require(id);
		ProviderFactory.TestTarget target;
		try {
			target = this.factory.forTest(stored);
		}
		catch (ProviderException ex) {
			return new ConnectionTest(false, 0, stored.models().getFirst(),
					new ConnectionTest.Failure(ex.failure().code(), ex.detail(), null));
		}
		try (PooledProvider provider = target.provider()) {
			return ConnectionTest.run(provider, stored.models().getFirst(), target.keys());
		}
	}

	/**
	 * The request's settings on {@code builder}, each checked by {@link ProviderRules}. A
	 * setting the request leaves out keeps {@code current}'s value on an update; on a
	 * create ({@code current} null) it takes the default, or is refused where it is
	 * required (name, base URL, models).
	 */
	private StoredProvider.Builder settings(StoredProvider.Builder builder, ProviderRequest request,
			StoredProvider current) {
		return builder.name(checked(request.name(), ProviderRules::name, current, StoredProvider::name))
			.protocol((request.protocol() != null) ? ProviderRules.protocol(request.protocol())
					: (current != null) ? current.protocol() : ProviderProtocol.OPENAI)
			.baseUrl(checked(request.baseUrl(), (url) -> ProviderRules.baseUrl(url, this.egress), current,
					StoredProvider::baseUrl))
			.apiVersion(checked(request.apiVersion(), ProviderRules::apiVersion, current, StoredProvider::apiVersion))
			.models(checked(request.models(), ProviderRules::models, current, StoredProvider::models))
			.timeouts(timeouts(request, (current != null) ? current.timeouts() : defaultTimeouts()))
			.maxConcurrency(checked(request.maxConcurrency(), ProviderRules::maxConcurrency, current,
					StoredProvider::maxConcurrency))
			.streamUsage(Objects.requireNonNullElse(request.streamUsage(), current == null || current.streamUsage()))
			.enabled(Objects.requireNonNullElse(request.enabled(), current == null || current.enabled()));
	}

	/**
	 * The requested value as {@code rule} checks it, or {@code current}'s when the
	 * request leaves it out; on a create the rule decides what an absent value is.
	 */
	private static <T, R> R checked(T requested, Function<T, R> rule, StoredProvider current,
			Function<StoredProvider, R> kept) {
		return (requested != null || current == null) ? rule.apply(requested) : kept.apply(current);
	}

	/** What changed, for the log and the audit log: never a key, only how many. */
	private static String changeNote(StoredProvider before, StoredProvider after, boolean keysReplaced) {
		StringBuilder note = new StringBuilder();
		if (before.enabled() != after.enabled()) {
			note.append(after.enabled() ? ", enabled" : ", disabled");
		}
		if (!before.baseUrl().equals(after.baseUrl())) {
			note.append(", base URL ").append(after.baseUrl());
		}
		if (!before.models().equals(after.models())) {
			note.append(", models ").append(after.models());
		}
		if (before.streamUsage() != after.streamUsage()) {
			note.append(after.streamUsage() ? ", stream usage on" : ", stream usage off");
		}
		if (keysReplaced) {
			note.append(", keys replaced (").append(after.keys().size()).append(')');
		}
		return note.toString();
	}

	private <T> T write(String name, Supplier<T> change) {
		try {
			return this.transaction.execute((status) -> change.get());
		}
		catch (DuplicateKeyException ex) {
			throw taken(name);
		}
		finally {
			this.catalog.changed();
		}
	}

	private void requireNameFree(String name, String exceptId) {
		EnvironmentProvider env = this.catalog.environment();
		String key = ProviderRepository.nameKey(name);
		if ((env != null && ProviderRepository.nameKey(env.id()).equals(key)) || DemoProvider.ID.equals(key)) {
			throw taken(name);
		}
		this.store.idByName(name).filter((other) -> !other.equals(exceptId)).ifPresent((other) -> {
			throw taken(name);
		});
	}

	private static ProblemException taken(String name) {
		return ProblemException.of(ProviderProblem.PROVIDER_NAME_TAKEN,
				"A provider named '" + name.toLowerCase(Locale.ROOT) + "' already exists (names ignore case)");
	}

	private EnvironmentProvider environment(String id) {
		EnvironmentProvider env = this.catalog.environment();
		return (env != null && env.id().equals(id)) ? env : null;
	}

	private void requireWritable(String id) {
		if (environment(id) != null) {
			throw ProblemException.of(ProviderProblem.PROVIDER_READ_ONLY, "Provider '" + id
					+ "' is configured in the environment (OPENAI_API_KEY, OPENAI_BASE_URL, parley.provider.*)");
		}
	}

	private StoredProvider require(String id) {
		return this.store.find(id)
			.orElseThrow(() -> ProblemException.of(ProviderProblem.PROVIDER_NOT_FOUND, "No provider with id " + id));
	}

	private List<StoredProvider.StoredKey> encrypt(String providerId, List<String> keys) {
		List<StoredProvider.StoredKey> stored = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			stored.add(new StoredProvider.StoredKey(i, this.cipher.encrypt(providerId, keys.get(i)),
					KeyCipher.hint(keys.get(i)), null, null));
		}
		return stored;
	}

	private StoredProvider.Timeouts defaultTimeouts() {
		return new StoredProvider.Timeouts(clamp(this.defaults.connectTimeout(), 120_000),
				clamp(this.defaults.firstTokenTimeout(), 600_000), clamp(this.defaults.idleTimeout(), 600_000),
				clamp(this.defaults.requestTimeout(), 3_600_000));
	}

	private static StoredProvider.Timeouts timeouts(ProviderRequest r, StoredProvider.Timeouts base) {
		return new StoredProvider.Timeouts(
				ProviderRules.timeout("connect_timeout_ms",
						Objects.requireNonNullElse(r.connectTimeoutMs(), base.connectMs()), 100, 120_000),
				ProviderRules.timeout("first_token_timeout_ms",
						Objects.requireNonNullElse(r.firstTokenTimeoutMs(), base.firstTokenMs()), 100, 600_000),
				ProviderRules.timeout("idle_timeout_ms", Objects.requireNonNullElse(r.idleTimeoutMs(), base.idleMs()),
						100, 600_000),
				ProviderRules.timeout("request_timeout_ms",
						Objects.requireNonNullElse(r.requestTimeoutMs(), base.requestMs()), 100, 3_600_000));
	}

	/** A configured default within the range the API accepts. */
	private static int clamp(java.time.Duration duration, int max) {
		return (int) Math.max(100, Math.min(max, duration.toMillis()));
	}

}

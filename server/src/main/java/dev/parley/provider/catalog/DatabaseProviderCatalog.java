package dev.parley.provider.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ChatProvider;
import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.ProviderProblem;
import dev.parley.provider.Route;
import dev.parley.provider.store.StoredProvider;

/**
 * The providers Parley can call: the environment's provider (consulted first), the
 * enabled providers created through the admin API, and the demo provider only while
 * neither exists. {@code name/model} picks a stored provider by name. Thread-safe.
 */
public final class DatabaseProviderCatalog implements ProviderCatalog, AutoCloseable {

	private final EnvironmentProvider environment;

	private final RuntimeProviders stored;

	private final DemoProvider demo;

	/**
	 * A catalog of the environment's, the stored and the demo providers.
	 * @param environment the environment's provider, or null when none is configured
	 */
	DatabaseProviderCatalog(EnvironmentProvider environment, RuntimeProviders stored, DemoProvider demo) {
		this.environment = environment;
		this.stored = stored;
		this.demo = demo;
	}

	/** The environment's provider, or null. */
	public EnvironmentProvider environment() {
		return this.environment;
	}

	/** Makes the next call see a change made on this instance at once. */
	public void changed() {
		this.stored.invalidate();
	}

	@Override
	public Optional<ChatProvider> find(String providerId) {
		if (this.environment != null && this.environment.id().equals(providerId)) {
			return Optional.of(this.environment.provider());
		}
		RuntimeProviders.Snapshot snapshot = this.stored.current();
		RuntimeProviders.Built built = snapshot.byId().get(providerId);
		if (built != null && built.stored().enabled() && built.provider() != null) {
			return Optional.of(built.provider());
		}
		if (this.environment == null && snapshot.enabled().isEmpty() && this.demo.id().equals(providerId)) {
			return Optional.of(this.demo);
		}
		return Optional.empty();
	}

	@Override
	public Route defaultRoute() {
		if (this.environment != null) {
			return Route.of(this.environment.id(), this.environment.defaultModel());
		}
		List<RuntimeProviders.Built> enabled = this.stored.current().enabled();
		if (!enabled.isEmpty()) {
			StoredProvider first = enabled.getFirst().stored();
			return Route.of(first.id(), first.models().getFirst());
		}
		return Route.of(this.demo.id(), DemoProvider.MODEL);
	}

	@Override
	public Route routeForModel(String requestedModel) {
		if (requestedModel == null || requestedModel.isBlank()) {
			return defaultRoute();
		}
		String model = requestedModel.strip();
		RuntimeProviders.Snapshot snapshot = this.stored.current();
		int slash = model.indexOf('/');
		if (slash > 0) {
			String rest = model.substring(slash + 1);
			Optional<RuntimeProviders.Built> named = snapshot.enabledNamed(model.substring(0, slash));
			if (named.isPresent() && named.get().stored().models().contains(rest)) {
				return Route.of(named.get().stored().id(), rest);
			}
		}
		boolean demoModel = model.equals(DemoProvider.MODEL);
		if (this.environment != null && !demoModel) {
			if (this.environment.serves(model)) {
				return Route.of(this.environment.id(), model);
			}
		}
		for (RuntimeProviders.Built built : snapshot.enabled()) {
			if (built.stored().models().contains(model)) {
				return Route.of(built.stored().id(), model);
			}
		}
		if (this.environment == null && snapshot.enabled().isEmpty()) {
			if (demoModel) {
				return Route.of(this.demo.id(), model);
			}
			throw unknown(model, "no LLM provider is configured; the only model is " + DemoProvider.MODEL);
		}
		if (demoModel) {
			throw unknown(model, "the demo model is only offered while no LLM provider is configured");
		}
		throw unknown(model, "models: " + String.join(", ", models()));
	}

	private static ProblemException unknown(String model, String why) {
		String list = (why.length() > 1000) ? why.substring(0, 1000) + " ..." : why;
		return ProblemException.of(ProviderProblem.UNKNOWN_MODEL, "Unknown model '" + model + "': " + list);
	}

	@Override
	public boolean realProviderConfigured() {
		return this.environment != null || !this.stored.current().enabled().isEmpty();
	}

	/**
	 * The default model first, then the environment's allowed models, then every stored
	 * provider's models as {@code name/model}.
	 */
	@Override
	public List<String> models() {
		RuntimeProviders.Snapshot snapshot = this.stored.current();
		if (this.environment == null && snapshot.enabled().isEmpty()) {
			return List.of(DemoProvider.MODEL);
		}
		Set<String> models = new LinkedHashSet<>();
		if (this.environment != null) {
			models.addAll(this.environment.models());
		}
		for (RuntimeProviders.Built built : snapshot.enabled()) {
			for (String model : built.stored().models()) {
				models.add(built.stored().name() + "/" + model);
			}
		}
		return List.copyOf(models);
	}

	/** Closes every provider's connections. */
	@Override
	public void close() {
		if (this.environment != null) {
			this.environment.close();
		}
		this.stored.close();
	}

}

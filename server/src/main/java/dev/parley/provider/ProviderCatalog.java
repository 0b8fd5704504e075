package dev.parley.provider;

import java.util.List;
import java.util.Optional;

/**
 * The providers Parley can call right now (from the environment, the admin API and the
 * demo) and the routes for plain model names. Thread-safe; changes made on any instance
 * become visible within seconds.
 */
public interface ProviderCatalog {

	/** The enabled provider with this id. */
	Optional<ChatProvider> find(String providerId);

	/**
	 * The route when nothing names one: the environment's default model, else the first
	 * enabled provider's first model, else the demo model.
	 */
	Route defaultRoute();

	/**
	 * The route for a model name a client asked for ({@code provider-name/model} picks
	 * the provider).
	 * @throws dev.parley.platform.problem.ProblemException with {@code UNKNOWN_MODEL}
	 * when nothing serves it
	 */
	Route routeForModel(String model);

	/** Whether a real provider is configured (false means only the demo model exists). */
	boolean realProviderConfigured();

	/** Model names that can be asked for, the default first. */
	List<String> models();

}

package dev.parley.provider;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;

/**
 * The providers configured in the environment: the one OpenAI-compatible provider (any
 * model name passes unless an allow-list is set), or, when none is configured, only the
 * demo model. Thread-safe.
 */
final class EnvironmentProviderCatalog implements ProviderCatalog, AutoCloseable {

	private final ChatProvider real;

	private final String defaultModel;

	private final Set<String> allowed;

	private final DemoProvider demo;

	/**
	 * @param real the configured provider, or null when there is none
	 * @param defaultModel the model for a request without one (ignored without a
	 * provider)
	 * @param extraModels further allowed models; empty means any name passes through
	 * @param demo the demo provider, used only when {@code real} is null
	 */
	EnvironmentProviderCatalog(ChatProvider real, String defaultModel, List<String> extraModels, DemoProvider demo) {
		this.real = real;
		this.defaultModel = (real != null) ? defaultModel : DemoProvider.MODEL;
		this.allowed = new LinkedHashSet<>();
		if (real != null && !extraModels.isEmpty()) {
			this.allowed.add(defaultModel);
			extraModels.stream().map(String::strip).filter((name) -> !name.isEmpty()).forEach(this.allowed::add);
		}
		this.demo = demo;
	}

	@Override
	public Optional<ChatProvider> find(String providerId) {
		if (this.real != null) {
			return this.real.id().equals(providerId) ? Optional.of(this.real) : Optional.empty();
		}
		return this.demo.id().equals(providerId) ? Optional.of(this.demo) : Optional.empty();
	}

	@Override
	public Route defaultRoute() {
		return Route.of((this.real != null) ? this.real.id() : this.demo.id(), this.defaultModel);
	}

	@Override
	public Route routeForModel(String requestedModel) {
		if (requestedModel == null || requestedModel.isBlank()) {
			return defaultRoute();
		}
		String model = requestedModel.strip();
		if (this.real == null) {
			if (model.equals(DemoProvider.MODEL)) {
				return Route.of(this.demo.id(), model);
			}
			throw unknown(model, "no LLM provider is configured; the only model is " + DemoProvider.MODEL);
		}
		if (model.equals(DemoProvider.MODEL)) {
			throw unknown(model, "the demo model is only offered while no LLM provider is configured");
		}
		if (!this.allowed.isEmpty() && !this.allowed.contains(model)) {
			throw unknown(model, "allowed models: " + String.join(", ", this.allowed));
		}
		return Route.of(this.real.id(), model);
	}

	private static ProblemException unknown(String model, String why) {
		return ProblemException.of(ProblemType.UNKNOWN_MODEL, "Unknown model '" + model + "': " + why);
	}

	@Override
	public boolean realProviderConfigured() {
		return this.real != null;
	}

	@Override
	public List<String> models() {
		if (this.real == null) {
			return List.of(DemoProvider.MODEL);
		}
		return this.allowed.isEmpty() ? List.of(this.defaultModel) : List.copyOf(this.allowed);
	}

	/** Closes the real provider's connections. */
	@Override
	public void close() throws Exception {
		if (this.real instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}

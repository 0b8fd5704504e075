package dev.parley.provider;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;

/**
 * Routes model names: to the one configured OpenAI-compatible provider (any name passes
 * unless an allow-list is set), or, when none is configured, only to the demo model.
 * Thread-safe.
 */
public final class DefaultModelRouter implements ModelRouter, AutoCloseable {

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
	public DefaultModelRouter(ChatProvider real, String defaultModel, List<String> extraModels, DemoProvider demo) {
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
	public ResolvedModel resolve(String requestedModel) {
		String model = (requestedModel == null || requestedModel.isBlank()) ? this.defaultModel
				: requestedModel.strip();
		if (this.real == null) {
			if (model.equals(DemoProvider.MODEL)) {
				return new ResolvedModel(this.demo, model);
			}
			throw unknown(model, "no LLM provider is configured; the only model is " + DemoProvider.MODEL);
		}
		if (model.equals(DemoProvider.MODEL)) {
			throw unknown(model, "the demo model is only offered while no LLM provider is configured");
		}
		if (!this.allowed.isEmpty() && !this.allowed.contains(model)) {
			throw unknown(model, "allowed models: " + String.join(", ", this.allowed));
		}
		return new ResolvedModel(this.real, model);
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

package dev.parley.provider;

import java.util.List;

/** Finds the provider for a model name; the single entry point the chat feature uses. */
public interface ModelRouter {

	/**
	 * The provider and model for a requested model name, or the default model when null.
	 * @throws dev.parley.platform.problem.ProblemException UNKNOWN_MODEL when nothing
	 * serves it
	 */
	ResolvedModel resolve(String requestedModel);

	/** Whether a real provider is configured (false means only the demo model exists). */
	boolean realProviderConfigured();

	/** Model names that can be asked for, the default first. */
	List<String> models();

}

package dev.parley.chat.generation;

import dev.parley.provider.ProviderException;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.Usage;

/**
 * How a provider call ended: a finish (reason and usage, usage may be null) or a failure,
 * the route target that served it (or was tried last), and whether the response cache
 * served it.
 */
record GenerationOutcome(String finishReason, Usage usage, ProviderException failure, RouteTarget servedBy,
		boolean cached) {

	static GenerationOutcome completed(String finishReason, Usage usage, RouteTarget servedBy, boolean cached) {
		return new GenerationOutcome(finishReason, usage, null, servedBy, cached);
	}

	static GenerationOutcome failed(ProviderException failure, RouteTarget servedBy) {
		return new GenerationOutcome(null, null, failure, servedBy, false);
	}

}

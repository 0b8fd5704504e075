package dev.parley.chat.generation;

import dev.parley.provider.ProviderException;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.Usage;

/**
 * How a provider call ended: a finish (reason and usage, usage may be null) or a failure,
 * the route target that served it (or was tried last) and how many targets came before
 * it, and whether the response cache served it.
 */
record GenerationOutcome(String finishReason, Usage usage, ProviderException failure, RouteTarget servedBy,
		int failovers, boolean cached) {

	static GenerationOutcome completed(String finishReason, Usage usage, RouteTarget servedBy, int failovers,
			boolean cached) {
		return new GenerationOutcome(finishReason, usage, null, servedBy, failovers, cached);
	}

	static GenerationOutcome failed(ProviderException failure, RouteTarget servedBy, int failovers) {
		return new GenerationOutcome(null, null, failure, servedBy, failovers, false);
	}

}

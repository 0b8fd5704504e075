package dev.parley.chat;

import dev.parley.provider.ProviderException;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.Usage;

/**
 * How a provider call ended: a finish (reason and usage, usage may be null) or a failure,
 * and the route target that served it (or was tried last).
 */
record GenerationOutcome(String finishReason, Usage usage, ProviderException failure, RouteTarget servedBy) {

	static GenerationOutcome completed(String finishReason, Usage usage, RouteTarget servedBy) {
		return new GenerationOutcome(finishReason, usage, null, servedBy);
	}

	static GenerationOutcome failed(ProviderException failure, RouteTarget servedBy) {
		return new GenerationOutcome(null, null, failure, servedBy);
	}

}

package dev.parley.chat;

import dev.parley.provider.ProviderException;
import dev.parley.provider.Usage;

/**
 * How a provider call ended: a finish (reason and usage, usage may be null) or a failure.
 */
record GenerationOutcome(String finishReason, Usage usage, ProviderException failure) {

	static GenerationOutcome completed(String finishReason, Usage usage) {
		return new GenerationOutcome(finishReason, usage, null);
	}

	static GenerationOutcome failed(ProviderException failure) {
		return new GenerationOutcome(null, null, failure);
	}

}

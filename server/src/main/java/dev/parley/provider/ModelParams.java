package dev.parley.provider;

import java.util.List;

/**
 * Sampling parameters of a call; null means "the provider's default".
 *
 * @param temperature 0 to 2
 * @param topP 0 to 1
 * @param maxTokens the longest reply in tokens
 * @param stop up to 4 stop sequences
 */
public record ModelParams(Double temperature, Double topP, Integer maxTokens, List<String> stop) {

	/** No parameter set. */
	public static final ModelParams NONE = new ModelParams(null, null, null, null);

	/** These parameters, each one replaced by {@code override}'s where that is set. */
	public ModelParams overriddenBy(ModelParams override) {
		if (override == null) {
			return this;
		}
		return new ModelParams((override.temperature != null) ? override.temperature : this.temperature,
				(override.topP != null) ? override.topP : this.topP,
				(override.maxTokens != null) ? override.maxTokens : this.maxTokens,
				(override.stop != null) ? override.stop : this.stop);
	}

}

package dev.parley.provider;

/**
 * Token counts of one call, as reported by the provider (or counted locally when it does
 * not).
 */
public record Usage(int promptTokens, int completionTokens) {

	public int totalTokens() {
		return this.promptTokens + this.completionTokens;
	}

}

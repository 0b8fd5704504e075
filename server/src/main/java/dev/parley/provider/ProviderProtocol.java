package dev.parley.provider;

import java.util.Locale;

/** The wire protocols Parley speaks to providers. */
public enum ProviderProtocol {

	/**
	 * OpenAI's chat completions, spoken by OpenAI and every compatible API (DashScope,
	 * DeepSeek, Moonshot, Ollama, vLLM, Azure OpenAI).
	 */
	OPENAI,
	/** Anthropic's native Messages API. */
	ANTHROPIC;

	/** The lower-case name used in the API and configuration. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@code openai} or {@code anthropic}; null when it is neither. */
	public static ProviderProtocol parse(String text) {
		if (text == null) {
			return null;
		}
		for (ProviderProtocol protocol : values()) {
			if (protocol.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
				return protocol;
			}
		}
		return null;
	}

}

package dev.parley.bench.sim;

/**
 * Settings of a {@link Simulator}: where it listens, the default behaviour of every
 * request (overridable per request through the model name) and an optional required API
 * key.
 *
 * @param host the address to bind, normally {@code 127.0.0.1}
 * @param port the port, 0 for an ephemeral one
 * @param ttftMs delay before the first token
 * @param tokens tokens per reply
 * @param delayMs delay between two tokens
 * @param apiKey the bearer key every request must carry, or null for none
 * @param fault the default fault ({@code 500}, {@code 429}, {@code hang},
 * {@code hang_headers}, {@code cut}, {@code malformed}, {@code error}), or null for none
 * @param faultAfter tokens sent before a {@code cut} or {@code malformed} fault
 * @param retryAfterSeconds the {@code Retry-After} sent with a status fault, or -1 for
 * none
 */
public record SimulatorConfig(String host, int port, long ttftMs, int tokens, long delayMs, String apiKey, String fault,
		int faultAfter, int retryAfterSeconds) {

	/** 127.0.0.1, ephemeral port, no delays, 20 tokens, no key, no fault. */
	public static SimulatorConfig defaults() {
		return new SimulatorConfig("127.0.0.1", 0, 0, 20, 0, null, null, 0, -1);
	}

	public SimulatorConfig withHost(String host) {
		return new SimulatorConfig(host, this.port, this.ttftMs, this.tokens, this.delayMs, this.apiKey, this.fault,
				this.faultAfter, this.retryAfterSeconds);
	}

	public SimulatorConfig withPort(int port) {
		return new SimulatorConfig(this.host, port, this.ttftMs, this.tokens, this.delayMs, this.apiKey, this.fault,
				this.faultAfter, this.retryAfterSeconds);
	}

	public SimulatorConfig withTtftMs(long ttftMs) {
		return new SimulatorConfig(this.host, this.port, ttftMs, this.tokens, this.delayMs, this.apiKey, this.fault,
				this.faultAfter, this.retryAfterSeconds);
	}

	public SimulatorConfig withTokens(int tokens) {
		return new SimulatorConfig(this.host, this.port, this.ttftMs, tokens, this.delayMs, this.apiKey, this.fault,
				this.faultAfter, this.retryAfterSeconds);
	}

	public SimulatorConfig withDelayMs(long delayMs) {
		return new SimulatorConfig(this.host, this.port, this.ttftMs, this.tokens, delayMs, this.apiKey, this.fault,
				this.faultAfter, this.retryAfterSeconds);
	}

	public SimulatorConfig withApiKey(String apiKey) {
		return new SimulatorConfig(this.host, this.port, this.ttftMs, this.tokens, this.delayMs, apiKey, this.fault,
				this.faultAfter, this.retryAfterSeconds);
	}

	/** A fault for every request, e.g. {@code withFault("cut", 3, -1)}. */
	public SimulatorConfig withFault(String fault, int after, int retryAfterSeconds) {
		return new SimulatorConfig(this.host, this.port, this.ttftMs, this.tokens, this.delayMs, this.apiKey, fault,
				after, retryAfterSeconds);
	}

	Behaviour defaultBehaviour() {
		return new Behaviour(this.ttftMs, this.tokens, this.delayMs, Fault.parse(this.fault), this.faultAfter,
				this.retryAfterSeconds);
	}

}

package dev.parley.bench.driver;

import java.time.Duration;

/**
 * What the simulated provider is asked to produce for one stream, passed through the
 * model name ({@code sim?ttft=0&tokens=20&delay=50}) both directly and through Parley.
 */
record StreamShape(int ttftMs, int tokens, int delayMs) {

	StreamShape {
		if (ttftMs < 0 || tokens < 1 || delayMs < 0) {
			throw new IllegalArgumentException("stream shape needs ttft >= 0, tokens >= 1, delay >= 0");
		}
	}

	/** The model name that makes the simulator produce this shape. */
	String model() {
		return "sim?ttft=" + this.ttftMs + "&tokens=" + this.tokens + "&delay=" + this.delayMs;
	}

	/**
	 * How long the simulator takes to produce the whole stream, ignoring network and CPU.
	 */
	Duration nominalDuration() {
		return Duration.ofMillis(this.ttftMs + (long) this.tokens * this.delayMs);
	}

}

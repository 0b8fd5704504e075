package dev.parley.bench.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How the simulator answers one request: the server's defaults, overridden by the query
 * part of the model name ({@code sim?ttft=50&tokens=20&delay=5&fault=cut&after=3}).
 * {@code tool_call=NAME} (repeated for parallel calls) makes the reply call those tools
 * (declared in the request's {@code tools}) instead of answering with text.
 * {@code splitPairs} ({@code emoji=split}): an emoji between the words, each sent as the
 * two halves of its surrogate pair in two deltas. {@code fault_message=TEXT}
 * (percent-encoded, UTF-8) is the message of the error a fault sends (an error status's
 * body, a mid-stream error) instead of the simulator's own, e.g. to see where an
 * upstream's words end up; null keeps the default. {@code say=TEXT} (percent-encoded,
 * UTF-8) ends the reply's last token with TEXT, e.g. a marker a prompt asks the model
 * for.
 */
record Behaviour(long ttftMs, int tokens, long delayMs, Fault fault, int after, int retryAfterSeconds,
		List<String> toolCalls, boolean splitPairs, String faultMessage, String say) {

	Behaviour(long ttftMs, int tokens, long delayMs, Fault fault, int after, int retryAfterSeconds) {
		this(ttftMs, tokens, delayMs, fault, after, retryAfterSeconds, List.of(), false, null, null);
	}

	/**
	 * The message of the fault's error: {@code fault_message}, else {@code otherwise}.
	 */
	String faultMessage(String otherwise) {
		return (this.faultMessage != null) ? this.faultMessage : otherwise;
	}

	/**
	 * Applies the parameters in {@code model} after its first {@code ?} to these
	 * defaults.
	 * @throws IllegalArgumentException for an unknown parameter or a bad value
	 */
	Behaviour withModel(String model) {
		int q = (model != null) ? model.indexOf('?') : -1;
		if (q < 0) {
			return this;
		}
		long ttft = this.ttftMs;
		int tokenCount = this.tokens;
		long delay = this.delayMs;
		Fault f = this.fault;
		int afterTokens = this.after;
		int retryAfter = this.retryAfterSeconds;
		List<String> tools = this.toolCalls;
		boolean split = this.splitPairs;
		String message = this.faultMessage;
		String said = this.say;
		for (String pair : model.substring(q + 1).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = (eq < 0) ? pair : pair.substring(0, eq);
			String value = (eq < 0) ? "" : pair.substring(eq + 1);
			switch (key) {
				case "ttft" -> ttft = nonNegative(key, value);
				case "tokens" -> tokenCount = (int) nonNegative(key, value);
				case "delay" -> delay = nonNegative(key, value);
				case "fault" -> f = Fault.parse(value);
				case "after" -> afterTokens = (int) nonNegative(key, value);
				case "retry_after" -> retryAfter = (int) nonNegative(key, value);
				case "tool_call" -> tools = withTool(tools, value);
				case "emoji" -> split = splitPairs(value);
				case "fault_message" -> message = URLDecoder.decode(value, StandardCharsets.UTF_8);
				case "say" -> said = URLDecoder.decode(value, StandardCharsets.UTF_8);
				default -> throw new IllegalArgumentException("unknown simulator parameter '" + key + "'");
			}
		}
		return new Behaviour(ttft, tokenCount, delay, f, afterTokens, retryAfter, tools, split, message, said);
	}

	private static List<String> withTool(List<String> tools, String name) {
		if (name.isBlank()) {
			throw new IllegalArgumentException("simulator parameter 'tool_call' needs a tool name");
		}
		List<String> more = new ArrayList<>(tools);
		more.add(name);
		return List.copyOf(more);
	}

	/** The text of token {@code i} of a reply of {@code count} tokens. */
	String token(int i, int count) {
		String token = Simulator.token(i, count, this.splitPairs);
		return (this.say != null && i == count - 1) ? token + this.say : token;
	}

	/** The whole text of a reply of {@code count} tokens. */
	String text(int count) {
		String text = Simulator.expectedText(count, this.splitPairs);
		return (this.say != null && count > 0) ? text + this.say : text;
	}

	private static boolean splitPairs(String value) {
		return switch (value) {
			case "split" -> true;
			case "none" -> false;
			default ->
				throw new IllegalArgumentException("simulator parameter 'emoji' is split or none, got '" + value + "'");
		};
	}

	private static long nonNegative(String key, String value) {
		try {
			long parsed = Long.parseLong(value);
			if (parsed >= 0) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(
				"simulator parameter '" + key + "' needs a number >= 0, got '" + value + "'");
	}

}

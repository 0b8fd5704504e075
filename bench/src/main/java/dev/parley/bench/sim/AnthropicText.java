package dev.parley.bench.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * What one Anthropic reply says: its tokens, shortened by {@code max_tokens} (stop reason
 * {@code max_tokens}) or by the first {@code stop_sequences} match (stop reason
 * {@code stop_sequence}, the text before the match).
 *
 * @param tokens the text of each token sent, in order
 * @param stopReason {@code end_turn}, {@code max_tokens} or {@code stop_sequence}
 * @param stopSequence the stop sequence that matched, or null
 */
record AnthropicText(List<String> tokens, String stopReason, String stopSequence) {

	static AnthropicText of(Behaviour behaviour, Integer maxTokens, List<String> stopSequences) {
		int behaviourTokens = behaviour.tokens();
		int count = (maxTokens != null && maxTokens < behaviourTokens) ? Math.max(maxTokens, 0) : behaviourTokens;
		String full = behaviour.text(count);
		int cut = -1;
		String matched = null;
		for (String stop : stopSequences) {
			int at = stop.isEmpty() ? -1 : full.indexOf(stop);
			if (at >= 0 && (cut < 0 || at < cut)) {
				cut = at;
				matched = stop;
			}
		}
		List<String> tokens = new ArrayList<>();
		int position = 0;
		for (int i = 0; i < count; i++) {
			String word = behaviour.token(i, count);
			if (cut >= 0 && position + word.length() > cut) {
				if (cut > position) {
					tokens.add(word.substring(0, cut - position));
				}
				break;
			}
			tokens.add(word);
			position += word.length();
		}
		String reason = (matched != null) ? "stop_sequence" : (count < behaviourTokens) ? "max_tokens" : "end_turn";
		return new AnthropicText(List.copyOf(tokens), reason, matched);
	}

	String text() {
		return String.join("", this.tokens);
	}

}

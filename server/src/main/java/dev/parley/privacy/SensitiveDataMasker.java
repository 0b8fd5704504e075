package dev.parley.privacy;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Replaces sensitive data in free text by placeholders: {@code [phone]},
 * {@code [id-number]}, {@code [email]}, {@code [secret]} and {@code [bank-card]} (see
 * {@link SensitiveKind}); everything else is left exactly as it was. Thread-safe.
 */
public final class SensitiveDataMasker {

	private final List<MaskingRule> rules;

	/** A masker for the given kinds (an empty set masks nothing). */
	public SensitiveDataMasker(Set<SensitiveKind> kinds) {
		this.rules = MaskingRule.ALL.stream().filter((rule) -> kinds.contains(rule.kind())).toList();
	}

	/**
	 * The text with every recognised item of the enabled kinds replaced; null stays null.
	 */
	public String mask(String text) {
		if (text == null || this.rules.isEmpty() || !mayContainSensitiveData(text)) {
			return text;
		}
		String masked = text;
		for (MaskingRule rule : this.rules) {
			masked = apply(rule, masked);
		}
		return masked;
	}

	private static String apply(MaskingRule rule, String text) {
		Matcher matcher = rule.pattern().matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int last = 0;
		do {
			if (rule.accepts(matcher.group())) {
				out.append(text, last, matcher.start()).append(rule.kind().placeholder());
				last = matcher.end();
			}
		}
		while (matcher.find());
		return (last == 0) ? text : out.append(text, last, text.length()).toString();
	}

	/**
	 * Every kind needs a digit or an {@code @}: plain prose skips all pattern matching.
	 */
	private static boolean mayContainSensitiveData(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= '0' && c <= '9') || c == '@') {
				return true;
			}
		}
		return false;
	}

}

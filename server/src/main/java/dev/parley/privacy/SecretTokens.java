package dev.parley.privacy;

/**
 * Tells random-looking secrets from long words: identifiers such as
 * {@code ThisIsAVeryLongClassNameForTesting} or {@code snake_case_names_2024} have low
 * entropy and few switches between letters and digits; keys have many. UUIDs in their
 * usual hyphenated form are never secrets.
 */
final class SecretTokens {

	private SecretTokens() {
	}

	/** {@code sk-}, {@code pk-}, {@code rk-} followed by a random part, not by words. */
	static boolean isPrefixedKey(String token) {
		String body = token.substring(3);
		if (body.startsWith("proj-") || body.startsWith("svcacct-") || body.startsWith("admin-")) {
			return body.length() >= 24;
		}
		return looksRandom(body, 16);
	}

	/** A run of at least 32 token characters that is random rather than made of words. */
	static boolean looksRandom(String token) {
		return looksRandom(token, 32);
	}

	private static boolean looksRandom(String token, int minLength) {
		String t = token.endsWith("=") ? token.substring(0, token.indexOf('=')) : token;
		if (t.length() < minLength || isUuid(t)) {
			return false;
		}
		int digits = 0;
		int letters = 0;
		int separators = 0;
		int switches = 0;
		boolean hex = true;
		int previous = -1;
		int[] counts = new int[128];
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			counts[c]++;
			int kind = (c >= '0' && c <= '9') ? 0 : (c >= 'a' && c <= 'z') ? 1 : (c >= 'A' && c <= 'Z') ? 2 : 3;
			digits += (kind == 0) ? 1 : 0;
			letters += (kind == 1 || kind == 2) ? 1 : 0;
			separators += (kind == 3) ? 1 : 0;
			hex &= kind == 0 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
			switches += (previous >= 0 && kind != previous) ? 1 : 0;
			previous = kind;
		}
		if (digits == 0 || letters == 0 || separators * 8 > t.length()) {
			return false;
		}
		double entropy = entropy(counts, t.length());
		if (hex) {
			return entropy >= 3.0;
		}
		return digits >= 2 && switches * 4 >= t.length() && entropy >= 3.5;
	}

	/** Shannon entropy in bits per character. */
	private static double entropy(int[] counts, int length) {
		double entropy = 0;
		for (int count : counts) {
			if (count > 0) {
				double p = (double) count / length;
				entropy -= p * Math.log(p) / Math.log(2);
			}
		}
		return entropy;
	}

	private static boolean isUuid(String t) {
		return t.length() == 36 && t.charAt(8) == '-' && t.charAt(13) == '-' && t.charAt(18) == '-'
				&& t.charAt(23) == '-' && t.chars().filter((c) -> c == '-').count() == 4;
	}

}

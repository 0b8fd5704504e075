package dev.parley.privacy;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One recogniser: a precompiled pattern and a check of each match. {@link #ALL} is in the
 * order they apply: e-mail addresses first (a QQ address is digits), then secrets, ID
 * numbers, cards, phone numbers.
 */
record MaskingRule(SensitiveKind kind, Pattern pattern, Predicate<String> check) {

	/** Before and after a token: not inside a longer run of token characters. */
	private static final String START = "(?<![A-Za-z0-9_-])";

	private static final String END = "(?![A-Za-z0-9_-])";

	static final List<MaskingRule> ALL = List.of(
			rule(SensitiveKind.EMAIL,
					"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@"
							+ "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])"),
			rule(SensitiveKind.API_KEY, "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
			rule(SensitiveKind.API_KEY,
					START + "(?:sk-ant-[A-Za-z0-9_-]{20,}|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"
							+ "|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|(?:AKIA|ASIA)[0-9A-Z]{16}"
							+ "|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}"
							+ "|eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})" + END),
			rule(SensitiveKind.API_KEY, START + "(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}" + END, SecretTokens::isPrefixedKey),
			rule(SensitiveKind.API_KEY, START + "[A-Za-z0-9_-]{32,}={0,2}" + END, SecretTokens::looksRandom),
			rule(SensitiveKind.CN_ID, "(?<![A-Za-z0-9])[1-9]\\d{14}(?:\\d{2}[\\dXx])?(?![A-Za-z0-9])",
					IdNumbers::isChineseResidentId),
			rule(SensitiveKind.BANK_CARD,
					"(?<![A-Za-z0-9])[3-6]\\d{3}(?:(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?|\\d{12,15})(?![A-Za-z0-9])",
					IdNumbers::isPaymentCard),
			rule(SensitiveKind.PHONE, "(?<![A-Za-z0-9+])(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}(?!\\d)"),
			rule(SensitiveKind.PHONE, "(?<![A-Za-z0-9+])\\+[1-9](?:[ ().-]{0,2}\\d){7,14}(?!\\d)"));

	boolean accepts(String match) {
		return this.check.test(match);
	}

	private static MaskingRule rule(SensitiveKind kind, String regex) {
		return rule(kind, regex, (match) -> true);
	}

	private static MaskingRule rule(SensitiveKind kind, String regex, Predicate<String> check) {
		return new MaskingRule(kind, Pattern.compile(regex), check);
	}

}

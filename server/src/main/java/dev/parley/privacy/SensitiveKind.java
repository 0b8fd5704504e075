package dev.parley.privacy;

/**
 * The kinds of sensitive data the masker recognises, each with the placeholder that
 * replaces a match (configured as {@code phone}, {@code cn-id}, {@code email},
 * {@code api-key}, {@code bank-card}).
 */
public enum SensitiveKind {

	/** Mainland China mobile numbers and international numbers written with {@code +}. */
	PHONE("[phone]"),
	/** Chinese resident identity card numbers (18 digits with checksum, or 15 legacy). */
	CN_ID("[id-number]"),
	/** E-mail addresses. */
	EMAIL("[email]"),
	/** API keys, access tokens and other long random secrets. */
	API_KEY("[secret]"),
	/** Payment card numbers (16 to 19 digits passing the Luhn check); off by default. */
	BANK_CARD("[bank-card]");

	private final String placeholder;

	SensitiveKind(String placeholder) {
		this.placeholder = placeholder;
	}

	/** The text that replaces a match. */
	public String placeholder() {
		return this.placeholder;
	}

}

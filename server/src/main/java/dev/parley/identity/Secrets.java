package dev.parley.identity;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Random secrets (refresh tokens, API keys, one-time passwords) and the SHA-256 digests
 * they are stored as ({@link dev.parley.platform.Digests#sha256Hex}). The secrets carry
 * 256 bits of entropy, so a plain digest is enough.
 */
@Component
public class Secrets {

	private static final char[] PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
		.toCharArray();

	private final SecureRandom random = new SecureRandom();

	/** 32 random bytes, base64url without padding (43 characters). */
	public String token() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A readable one-time password of 20 characters (about 116 bits), with a digit. */
	public String password() {
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 19; i++) {
			password.append(PASSWORD_ALPHABET[this.random.nextInt(PASSWORD_ALPHABET.length)]);
		}
		return password.append(2 + this.random.nextInt(8)).toString();
	}

}

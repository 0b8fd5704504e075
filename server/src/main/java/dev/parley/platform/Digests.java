package dev.parley.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests of text, as lower-case hex: how secrets and private keys are stored.
 */
public final class Digests {

	private Digests() {
	}

	/** The SHA-256 of {@code text}'s UTF-8 bytes, 64 hex characters. */
	public static String sha256Hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK always has SHA-256", ex);
		}
	}

}

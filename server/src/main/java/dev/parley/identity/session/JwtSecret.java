package dev.parley.identity.session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.identity.Secrets;
import dev.parley.platform.DataDirectorySecret;

/**
 * The HMAC key that signs access tokens: from configuration, or generated once into the
 * data directory so that a restart keeps every session valid.
 */
public final class JwtSecret {

	static final String FILE_NAME = "jwt-secret.key";

	private static final int MIN_BYTES = 32;

	private JwtSecret() {
	}

	public static SecretKey load(String configured, Path dataDir, Secrets secrets) {
		if (configured != null && !configured.isBlank()) {
			return key(decode(configured.trim()));
		}
		String stored = DataDirectorySecret.readOrCreate(dataDir.resolve(FILE_NAME), secrets::token,
				"the access-token signing key", "set PARLEY_JWT_SECRET to share one between instances");
		return key(decode(stored));
	}

	/**
	 * Base64 (standard or URL-safe) of at least 32 bytes, else a passphrase of 32+
	 * characters.
	 */
	static byte[] decode(String secret) {
		byte[] decoded = null;
		try {
			decoded = (secret.indexOf('-') >= 0 || secret.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(secret)
					: Base64.getDecoder().decode(secret);
		}
		catch (IllegalArgumentException ex) {
			// not base64: a passphrase
		}
		if (decoded != null && decoded.length >= MIN_BYTES) {
			return decoded;
		}
		byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
		if (raw.length < MIN_BYTES) {
			throw new IllegalStateException("parley.identity.jwt-secret (PARLEY_JWT_SECRET) is too short: use base64 "
					+ "of at least 32 random bytes, e.g. the output of `openssl rand -base64 32`");
		}
		return raw;
	}

	private static SecretKey key(byte[] bytes) {
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}

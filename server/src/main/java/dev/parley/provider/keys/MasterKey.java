package dev.parley.provider.keys;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.platform.DataDirectorySecret;

/**
 * The AES-256 key that encrypts providers' API keys at rest: from configuration
 * ({@code PARLEY_MASTER_KEY}, base64 of 32 bytes), or generated once into the data
 * directory ({@code master.key}, owner-only) so that a restart can still read the keys.
 */
public final class MasterKey {

	static final String FILE_NAME = "master.key";

	private static final int BYTES = 32;

	private MasterKey() {
	}

	public static SecretKey load(String configured, Path dataDir) {
		if (configured != null && !configured.isBlank()) {
			return key(decode(configured.strip(), "parley.provider-keys.master-key (PARLEY_MASTER_KEY)"));
		}
		Path file = dataDir.resolve(FILE_NAME);
		String stored = DataDirectorySecret.readOrCreate(file, MasterKey::generate,
				"the master key for provider API keys",
				"back it up with the database, and set PARLEY_MASTER_KEY to share one between instances");
		return key(decode(stored, file.toString()));
	}

	/** A fresh random key, base64. */
	public static String generate() {
		byte[] bytes = new byte[BYTES];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	/** Base64 (standard or URL-safe) of exactly 32 bytes. */
	public static byte[] decode(String text, String source) {
		try {
			byte[] bytes = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(text)
					: Base64.getDecoder().decode(text);
			if (bytes.length == BYTES) {
				return bytes;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new IllegalStateException("The master key in " + source + " must be base64 of exactly 32 bytes, "
				+ "e.g. the output of `openssl rand -base64 32`");
	}

	public static SecretKey key(byte[] bytes) {
		return new SecretKeySpec(bytes, "AES");
	}

}

package dev.parley.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key that signs access tokens: from configuration, or generated once into the
 * data directory so that a restart keeps every session valid.
 */
final class JwtSecret {

	private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);

	static final String FILE_NAME = "jwt-secret.key";

	private static final int MIN_BYTES = 32;

	private JwtSecret() {
	}

	static SecretKey load(String configured, Path dataDir, Secrets secrets) {
		if (configured != null && !configured.isBlank()) {
			return key(decode(configured.trim()));
		}
		Path file = dataDir.resolve(FILE_NAME);
		try {
			if (!Files.exists(file)) {
				create(file, secrets.token());
			}
			return key(decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the token signing key " + file, ex);
		}
	}

	private static void create(Path file, String secret) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "jwt-secret", ".tmp");
		try {
			restrict(temporary);
			Files.writeString(temporary, secret + "\n", StandardCharsets.US_ASCII);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			log.info("Generated the access-token signing key in {}; set PARLEY_JWT_SECRET to share one "
					+ "between instances", file.toAbsolutePath());
		}
		catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
			// Another instance on the same data directory won the race; use its key.
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void restrict(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// Not a POSIX file system: the directory's own permissions apply.
		}
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

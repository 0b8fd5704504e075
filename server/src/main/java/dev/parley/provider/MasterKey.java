package dev.parley.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 key that encrypts providers' API keys at rest: from configuration
 * ({@code PARLEY_MASTER_KEY}, base64 of 32 bytes), or generated once into the data
 * directory ({@code master.key}, owner-only) so that a restart can still read the keys.
 */
final class MasterKey {

	private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

	static final String FILE_NAME = "master.key";

	private static final int BYTES = 32;

	private MasterKey() {
	}

	static SecretKey load(String configured, Path dataDir) {
		if (configured != null && !configured.isBlank()) {
			return key(decode(configured.strip(), "parley.providers.master-key (PARLEY_MASTER_KEY)"));
		}
		Path file = dataDir.resolve(FILE_NAME);
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			return key(decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the provider key master key " + file, ex);
		}
	}

	/** A fresh random key, base64. */
	static String generate() {
		byte[] bytes = new byte[BYTES];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static void create(Path file) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, "master", ".tmp");
		try {
			restrict(temporary);
			Files.writeString(temporary, generate() + "\n", StandardCharsets.US_ASCII);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			log.info("Generated the master key for provider API keys in {}; back it up with the database, and set "
					+ "PARLEY_MASTER_KEY to share one between instances", file.toAbsolutePath());
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

	/** Base64 (standard or URL-safe) of exactly 32 bytes. */
	static byte[] decode(String text, String source) {
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

	static SecretKey key(byte[] bytes) {
		return new SecretKeySpec(bytes, "AES");
	}

}

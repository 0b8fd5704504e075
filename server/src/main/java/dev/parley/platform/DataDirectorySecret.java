package dev.parley.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret generated once into the data directory when none is configured (the token
 * signing key, the providers' master key): written owner-only through a temporary file
 * and an atomic move, so that instances starting together on one directory end up with
 * the same value.
 */
public final class DataDirectorySecret {

	private static final Logger log = LoggerFactory.getLogger(DataDirectorySecret.class);

	private DataDirectorySecret() {
	}

	/**
	 * The file's text (stripped), after writing {@code generator}'s value into it if it
	 * did not exist.
	 * @param what what the secret is, for the log and errors (e.g. "the master key")
	 * @param advice what to do about it, logged when it is generated
	 * @throws UncheckedIOException when the file can be neither read nor created
	 */
	public static String readOrCreate(Path file, Supplier<String> generator, String what, String advice) {
		try {
			if (!Files.exists(file)) {
				create(file, generator.get(), what, advice);
			}
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + what + " " + file, ex);
		}
	}

	private static void create(Path file, String secret, String what, String advice) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
		try {
			restrict(temporary);
			Files.writeString(temporary, secret + "\n", StandardCharsets.US_ASCII);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			log.info("Generated {} in {}; {}", what, file.toAbsolutePath(), advice);
		}
		catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
			// Another instance on the same data directory won the race; use its secret.
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

}

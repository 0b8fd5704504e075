package dev.parley.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.parley.platform.ParleyProperties;
import dev.parley.platform.task.TaskProperties;

/**
 * Uploads of import jobs, spooled to {@code imports/} in the tasks directory (shared by a
 * cluster's instances, so any instance's worker can run the job) until the job ends or,
 * for an upload no job holds, until {@link ImportUploadSweep} finds it.
 */
@Component
class ImportUploads {

	private static final Pattern NAME = Pattern.compile("[0-9a-f-]{36}\\.upload");

	private final Path directory;

	ImportUploads(TaskProperties tasks, ParleyProperties parley) {
		Path base = (tasks.directory() != null) ? tasks.directory() : parley.dataDir().resolve("tasks");
		this.directory = base.resolve("imports");
	}

	/**
	 * Copies {@code body} into a new spool file and answers its name; a failed copy
	 * leaves no file.
	 */
	String spool(InputStream body) throws IOException {
		Files.createDirectories(this.directory);
		String name = UUID.randomUUID() + ".upload";
		Path file = this.directory.resolve(name);
		try {
			Files.copy(body, file);
			return name;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	Path path(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not an upload's name: " + name);
		}
		return this.directory.resolve(name);
	}

	/**
	 * The names of the spooled uploads last written before {@code before}, oldest first.
	 */
	List<String> writtenBefore(Instant before) {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		record Spooled(String name, Instant written) {
		}
		List<Spooled> old = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (NAME.matcher(name).matches()) {
					Instant written = writtenAt(entry);
					if (written != null && written.isBefore(before)) {
						old.add(new Spooled(name, written));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the uploads directory " + this.directory, ex);
		}
		old.sort(Comparator.comparing(Spooled::written));
		return old.stream().map(Spooled::name).toList();
	}

	/** When the file was last written; null when it is gone meanwhile. */
	private static @Nullable Instant writtenAt(Path file) throws IOException {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (NoSuchFileException ex) {
			return null;
		}
	}

	void delete(String name) {
		try {
			Files.deleteIfExists(path(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

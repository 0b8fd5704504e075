package dev.parley.platform.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.parley.platform.ParleyProperties;

/**
 * The tasks directory: each run writes {@code <task id>.<attempt>}, so that a run that
 * lost its task to another instance (on a shared directory) never writes into the file of
 * the run that took over.
 */
@Component
class TaskFiles {

	private static final Pattern NAME = Pattern.compile("([0-9a-f-]{36})\\.(\\d+)");

	private final Path directory;

	TaskFiles(TaskProperties properties, ParleyProperties parley) {
		this.directory = (properties.directory() != null) ? properties.directory() : parley.dataDir().resolve("tasks");
	}

	Path directory() {
		return this.directory;
	}

	/** The stored name of a run's file. */
	static String name(UUID task, int attempt) {
		return task + "." + attempt;
	}

	/** Creates the run's file empty (replacing one left by a killed run). */
	Path create(String name) {
		try {
			Files.createDirectories(this.directory);
			Path file = this.directory.resolve(name);
			Files.deleteIfExists(file);
			return Files.createFile(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the task file " + name + " in " + this.directory, ex);
		}
	}

	/** The stored file, if it is in this instance's directory. */
	Optional<Path> find(String name) {
		Path file = this.directory.resolve(name);
		return (NAME.matcher(name).matches() && Files.isRegularFile(file)) ? Optional.of(file) : Optional.empty();
	}

	/** Deletes the stored file if it is here; whether it was. */
	boolean delete(String name) {
		try {
			return NAME.matcher(name).matches() && Files.deleteIfExists(this.directory.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the task file " + name, ex);
		}
	}

	/** Deletes the files of the task's earlier runs. */
	void deleteEarlierRuns(UUID task, int attempt) {
		for (int earlier = 1; earlier < attempt; earlier++) {
			delete(name(task, earlier));
		}
	}

	/** The task files in the directory, as (task id, stored name). */
	List<Listed> list() {
		List<Listed> files = new ArrayList<>();
		if (!Files.isDirectory(this.directory)) {
			return files;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory)) {
			for (Path entry : entries) {
				Matcher name = NAME.matcher(entry.getFileName().toString());
				if (name.matches()) {
					files.add(new Listed(UUID.fromString(name.group(1)), name.group()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the tasks directory " + this.directory, ex);
		}
		return files;
	}

	/** A file of the directory. */
	record Listed(UUID task, String name) {

	}

}

package dev.parley;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/modules/} (Spring Modulith's diagrams and module canvases) what the
 * code is, so the layout a newcomer reads is the layout the code has. The documentation
 * is generated into {@code target/}; when it says something else than the committed
 * files, they are replaced and the test fails: commit them and run again.
 */
class ModuleDocumentationTests {

	private static final Path COMMITTED = Path.of("..", "docs", "modules");

	private static final Path GENERATED = Path.of("target", "modules-docs");

	@Test
	void committedModuleDocumentationMatchesTheCode() throws IOException {
		new Documenter(ParleyModules.get(), Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
		Map<String, List<String>> generated = read(GENERATED);
		assertThat(generated).containsKeys("components.puml", "module-provider.adoc");
		Set<String> stale = changed(read(COMMITTED), generated);
		if (!stale.isEmpty()) {
			replaceCommitted();
		}
		assertThat(stale)
			.as("docs/modules was stale and has been regenerated from the code: commit it (git add docs/modules)")
			.isEmpty();
	}

	/**
	 * The files whose lines differ; the Documenter writes relations in no fixed order.
	 */
	private static Set<String> changed(Map<String, List<String>> committed, Map<String, List<String>> generated) {
		Set<String> names = new TreeSet<>(committed.keySet());
		names.addAll(generated.keySet());
		names.removeIf((name) -> Objects.equals(committed.get(name), generated.get(name)));
		return names;
	}

	private static void replaceCommitted() throws IOException {
		Files.createDirectories(COMMITTED);
		try (Stream<Path> old = Files.list(COMMITTED)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
		try (Stream<Path> fresh = Files.list(GENERATED)) {
			for (Path file : fresh.toList()) {
				Files.copy(file, COMMITTED.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static Map<String, List<String>> read(Path folder) {
		Map<String, List<String>> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> paths = Files.list(folder)) {
			paths.filter(Files::isRegularFile)
				.forEach((path) -> files.put(path.getFileName().toString(), sortedLines(path)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/**
	 * The lines in order, a table cell's first list item ({@code |* x}) split from its
	 * cell mark: the Documenter lists a module's events in no fixed order either.
	 */
	private static List<String> sortedLines(Path path) {
		try {
			return Files.readAllLines(path)
				.stream()
				.flatMap((line) -> line.startsWith("|* ") ? Stream.of("|", line.substring(1)) : Stream.of(line))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

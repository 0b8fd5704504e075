package dev.parley.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A one-line description of the machine the benchmark ran on. */
final class MachineInfo {

	private MachineInfo() {
	}

	static String describe() {
		String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
		String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
			.map((kb) -> String.format(Locale.ROOT, "%.1f GiB RAM",
					Long.parseLong(kb.replaceAll("[^0-9]", "")) / (1024.0 * 1024)))
			.orElse("unknown RAM");
		return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + memory + ", driver on Java "
				+ System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + ")";
	}

	private static java.util.Optional<String> firstValue(Path file, String key) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

}

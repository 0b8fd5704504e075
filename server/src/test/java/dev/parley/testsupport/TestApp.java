package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one place holding the whole-application tests' secrets and common settings: a known
 * signing key, a configured first administrator, a fresh data directory and the shared
 * simulator as the environment's provider.
 */
public final class TestApp {

	/** The JWT signing key (base64 of 32 bytes) of every test application. */
	public static final String JWT_SECRET = "dGVzdC1vbmx5LXNpZ25pbmcta2V5LW9mLTMyLWJ5dGVzLWxvbmch";

	public static final String ADMIN_EMAIL = "root@example.com";

	public static final String ADMIN_PASSWORD = "Admin-password-77";

	/** The environment provider's API key, which the shared simulator accepts. */
	public static final String PROVIDER_KEY = "sk-test";

	/** The model used when a request names none. */
	public static final String DEFAULT_MODEL = "sim?tokens=5";

	private TestApp() {
	}

	/** The property the shared simulator's URL is registered under. */
	public static final String SIMULATOR_URL = "parley.test.simulator-url";

	/**
	 * Registers the settings that change per run: called once per application context, so
	 * each context gets a data directory (and so an H2 database) of its own.
	 */
	public static void register(DynamicPropertyRegistry registry) {
		String dataDir = newDataDir().toString();
		registry.add("parley.data-dir", () -> dataDir);
		registry.add(SIMULATOR_URL, () -> TestSimulator.get().baseUrl());
	}

	/**
	 * Points the application at a fresh private database on a real server instead of H2;
	 * the caller closes it once its context is gone.
	 */
	public static TestDatabase useDatabase(DynamicPropertyRegistry registry, Supplier<TestDatabase> server) {
		TestDatabase database = server.get();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		return database;
	}

	/** A fresh, empty data directory. */
	public static Path newDataDir() {
		try {
			return Files.createTempDirectory("parley-it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

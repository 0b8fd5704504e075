package dev.parley.platform.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;
import dev.parley.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database migrated before the scripts that are the same for every vendor moved to
 * {@code db/migration/common} (each vendor's folder held all of its scripts) starts with
 * the current layout: Flyway records a script by its name and checksum, not by the
 * location it came from, so the history validates and nothing is applied again. The
 * checksums are those that databases migrated by Parley before the move hold: a script
 * once released never changes.
 */
@OnEachDatabase
class MigrationLayoutContractTests {

	/** Checksums that H2 databases migrated before the move hold, V1 to V9. */
	private static final List<Integer> H2 = List.of(-1274767008, 879446581, -1997001414, -434699715, 1193777054,
			-1054617303, 29795022, 1425064237, 1248182740);

	/** Checksums that PostgreSQL databases migrated before the move hold, V1 to V9. */
	private static final List<Integer> POSTGRESQL = List.of(1265714495, -496025544, -1997001414, 1413668572, -532519882,
			1342508549, 29795022, 1425064237, 1248182740);

	/** Checksums that MariaDB databases migrated before the move hold, V1 to V9. */
	private static final List<Integer> MARIADB = List.of(-1196255693, -1204097224, -2129525809, 1251909083, -1274706618,
			71012986, 29795022, 1425064237, 1248182740);

	@Parameter
	DatabaseServer server;

	@TempDir
	Path folderPerVendor;

	@Test
	void aDatabaseMigratedFromOneFolderPerVendorValidatesWithTheCommonFolder() throws IOException {
		try (TestDatabase database = this.server.openEmpty()) {
			Flyway current = database.flyway();
			List<String> locations = Arrays.stream(current.getConfiguration().getLocations())
				.map((location) -> location.getDescriptor())
				.toList();
			assertThat(locations).hasSize(2).first().isEqualTo("classpath:db/migration/common");
			for (String location : locations) {
				copyScripts(location, this.folderPerVendor);
			}
			Flyway before = Flyway.configure()
				.dataSource(database.dataSource())
				.locations("filesystem:" + this.folderPerVendor)
				.load();
			int applied = before.migrate().migrationsExecuted;
			assertThat(applied).isEqualTo(scriptCount(this.folderPerVendor));

			current.validate();
			assertThat(current.info().pending()).isEmpty();
			assertThat(current.migrate().migrationsExecuted).isZero();
			assertThat(Arrays.stream(current.info().applied()).map(MigrationInfo::getScript))
				.containsExactlyElementsOf(
						Arrays.stream(before.info().applied()).map(MigrationInfo::getScript).toList())
				.hasSize(applied);
		}
	}

	@Test
	void releasedScriptsKeepTheChecksumsExistingDatabasesHold() {
		List<Integer> released = switch (this.server.toString()) {
			case "H2" -> H2;
			case "PostgreSQL" -> POSTGRESQL;
			default -> MARIADB;
		};
		try (TestDatabase database = this.server.openEmpty()) {
			Flyway flyway = database.flyway();
			flyway.migrate();
			List<Integer> checksums = Arrays.stream(flyway.info().applied())
				.map(MigrationInfo::getChecksum)
				.limit(released.size())
				.toList();
			assertThat(checksums).containsExactlyElementsOf(released);
		}
	}

	private static void copyScripts(String location, Path target) throws IOException {
		String path = location.substring("classpath:".length());
		Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:" + path + "/*.sql");
		assertThat(scripts).as(location).isNotEmpty();
		for (Resource script : scripts) {
			try (InputStream in = script.getInputStream()) {
				Files.copy(in, target.resolve(script.getFilename()));
			}
		}
	}

	private static int scriptCount(Path folder) throws IOException {
		try (var files = Files.list(folder)) {
			return (int) files.count();
		}
	}

}

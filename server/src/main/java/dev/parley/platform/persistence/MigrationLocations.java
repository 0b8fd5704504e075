package dev.parley.platform.persistence;

import java.util.Arrays;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets MariaDB use the MySQL migrations: Boot resolves {@code {vendor}} to
 * {@code mariadb} for the MariaDB driver, and both servers share one SQL dialect here, so
 * a {@code db/migration/mariadb} location is read from {@code db/migration/mysql}.
 */
@Component
public class MigrationLocations implements FlywayConfigurationCustomizer {

	@Override
	public void customize(FluentConfiguration configuration) {
		Location[] locations = Arrays.stream(configuration.getLocations())
			.map((location) -> location.getDescriptor().endsWith("db/migration/mariadb")
					? new Location(location.getDescriptor().replace("db/migration/mariadb", "db/migration/mysql"))
					: location)
			.toArray(Location[]::new);
		configuration.locations(locations);
	}

}

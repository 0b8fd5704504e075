package dev.parley.platform.persistence;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationLocationsTests {

	@Test
	void mariadbReadsTheMysqlMigrationsAndOtherVendorsAreUntouched() {
		FluentConfiguration configuration = Flyway.configure()
			.locations("classpath:db/migration/mariadb", "classpath:db/migration/h2", "classpath:db/extra");
		new MigrationLocations().customize(configuration);
		assertThat(Arrays.stream(configuration.getLocations()).map(Location::getDescriptor)).containsExactlyInAnyOrder(
				"classpath:db/migration/mysql", "classpath:db/migration/h2", "classpath:db/extra");
	}

}

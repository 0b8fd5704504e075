package dev.parley.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Assumptions;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import dev.parley.platform.persistence.MigrationLocations;

/**
 * A freshly migrated, private database for one test class on a real server at 127.0.0.1
 * (a schema on PostgreSQL, a database on MariaDB, an in-memory H2), dropped by
 * {@link #close()}. A server that is down skips the tests loudly, or fails them when
 * {@code CI=true}.
 */
public final class TestDatabase implements AutoCloseable {

	private final HikariDataSource dataSource;

	private final String url;

	private final String adminUrl;

	private final String user;

	private final String dropSql;

	private final String vendor;

	private TestDatabase(String url, String adminUrl, String user, String dropSql, String vendor) {
		this.url = url;
		this.adminUrl = adminUrl;
		this.user = user;
		this.dropSql = dropSql;
		this.vendor = vendor;
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(url);
		this.dataSource.setUsername(user);
		this.dataSource.setPassword("");
		this.dataSource.setMaximumPoolSize(4);
	}

	public static TestDatabase h2() {
		return emptyH2().migrated();
	}

	public static TestDatabase postgresql() {
		return emptyPostgresql().migrated();
	}

	public static TestDatabase mariadb() {
		return emptyMariadb().migrated();
	}

	/** A private H2 database with no schema. */
	public static TestDatabase emptyH2() {
		String name = uniqueName();
		return new TestDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, "sa", null, "h2");
	}

	/**
	 * A private PostgreSQL schema with no tables. The test database's pg_trgm lives in
	 * {@code public}, where the migrations find it: created in a private schema, it would
	 * go when that schema is dropped, taking the other schemas' indexes with it.
	 */
	public static TestDatabase emptyPostgresql() {
		String admin = "jdbc:postgresql://127.0.0.1:5432/test";
		String schema = uniqueName();
		execute("PostgreSQL", admin, "postgres",
				"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; CREATE SCHEMA " + schema);
		return new TestDatabase(admin + "?currentSchema=" + schema, admin, "postgres",
				"DROP SCHEMA " + schema + " CASCADE", "postgresql");
	}

	/** A private MariaDB database with no tables. */
	public static TestDatabase emptyMariadb() {
		String admin = "jdbc:mariadb://127.0.0.1:3306/test";
		String database = uniqueName();
		execute("MariaDB", admin, "root", "CREATE DATABASE " + database);
		return new TestDatabase("jdbc:mariadb://127.0.0.1:3306/" + database, admin, "root", "DROP DATABASE " + database,
				"mariadb");
	}

	/**
	 * Flyway on this database as the application configures it: the locations of
	 * {@code spring.flyway.locations} in application.yml, {@code {vendor}} resolved as
	 * Spring Boot resolves it, and {@link MigrationLocations} applied.
	 */
	public Flyway flyway() {
		String locations = applicationProperty("spring.flyway.locations").replace("{vendor}", this.vendor);
		FluentConfiguration flyway = Flyway.configure()
			.dataSource(this.dataSource)
			.locations(locations.split("\\s*,\\s*"));
		new MigrationLocations().customize(flyway);
		return flyway.load();
	}

	private TestDatabase migrated() {
		try {
			flyway().migrate();
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
		return this;
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	/** The JDBC URL of this private database, for a whole application to use. */
	public String url() {
		return this.url;
	}

	public String user() {
		return this.user;
	}

	@Override
	public void close() {
		this.dataSource.close();
		if (this.dropSql != null) {
			execute("cleanup", this.adminUrl, this.user, this.dropSql);
		}
	}

	private static String applicationProperty(String name) {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties properties = yaml.getObject();
		String value = (properties != null) ? properties.getProperty(name) : null;
		if (value == null) {
			throw new IllegalStateException("application.yml sets no " + name);
		}
		return value;
	}

	private static String uniqueName() {
		return "parley_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
	}

	private static void execute(String service, String url, String user, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			String message = "*** " + service + " at " + url + " is not available (" + ex.getMessage()
					+ "): its database tests are SKIPPED ***";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message, ex);
			}
			System.err.println(message);
			Assumptions.abort(message);
		}
	}

}

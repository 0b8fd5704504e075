package dev.parley.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * How each database matches a substring (every pattern is a LIKE pattern with
 * {@code ESCAPE '!'}). PostgreSQL: {@code ILIKE}, which its trigram index
 * ({@code messages_content_trgm}) serves; MariaDB and MySQL: the lower-cased text
 * compared bytewise ({@code utf8mb4_unicode_ci} would also equate accents and every
 * character outside the BMP); H2: {@code ILIKE}, which compares character by character
 * ignoring case instead of lower-casing every text first (a text with one Chinese
 * character lower-cases on Java's slow path; that was a quarter of a search's time). The
 * case-sensitive forms rank exact matches.
 */
enum SearchDialect {

	POSTGRESQL {
		@Override
		String contains(String column, String parameter) {
			return column + " ILIKE :" + parameter + " ESCAPE '!'";
		}

		@Override
		String containsExactly(String column, String parameter) {
			return column + " LIKE :" + parameter + " ESCAPE '!'";
		}
	},

	MYSQL {
		@Override
		String contains(String column, String parameter) {
			return "LOWER(" + column + ") COLLATE utf8mb4_bin LIKE :" + parameter + " ESCAPE '!'";
		}

		@Override
		String containsExactly(String column, String parameter) {
			return column + " COLLATE utf8mb4_bin LIKE :" + parameter + " ESCAPE '!'";
		}
	},

	H2 {
		@Override
		String contains(String column, String parameter) {
			return column + " ILIKE :" + parameter + " ESCAPE '!'";
		}

		@Override
		String containsExactly(String column, String parameter) {
			return column + " LIKE :" + parameter + " ESCAPE '!'";
		}
	};

	/**
	 * Whether {@code column} contains the pattern bound as {@code parameter} (a
	 * lower-case term), ignoring case.
	 */
	abstract String contains(String column, String parameter);

	/**
	 * Whether {@code column} contains the pattern bound as {@code parameter} as it is.
	 */
	abstract String containsExactly(String column, String parameter);

	/** The dialect of the database behind {@code dataSource}. */
	static SearchDialect of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("postgres")) {
				return POSTGRESQL;
			}
			if (product.contains("mariadb") || product.contains("mysql")) {
				return MYSQL;
			}
			return H2;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not tell the database's vendor for search", ex);
		}
	}

	/**
	 * Whether {@code column} contains {@code term} (bound as {@code parameter}), ignoring
	 * case.
	 */
	String contains(String column, String parameter, String term) {
		return caseless(term) ? containsExactly(column, parameter) : contains(column, parameter);
	}

	/**
	 * Whether no character of {@code term} has another case, by the single-character and
	 * the full mappings ({@code ß} is not caseless: it upper-cases to {@code SS}).
	 */
	static boolean caseless(String term) {
		return term.toUpperCase(Locale.ROOT).equals(term) && term.toLowerCase(Locale.ROOT).equals(term)
				&& term.codePoints()
					.allMatch((c) -> Character.toLowerCase(c) == c && Character.toUpperCase(c) == c
							&& Character.toTitleCase(c) == c);
	}

	/** {@code text} as a LIKE pattern (ESCAPE '!') that matches it anywhere. */
	static String anywhere(String text) {
		return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

}

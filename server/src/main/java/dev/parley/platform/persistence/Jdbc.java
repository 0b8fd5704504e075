package dev.parley.platform.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The one column convention shared by every repository on H2, PostgreSQL and MariaDB: ids
 * are lowercase UUID text, instants are UTC {@code TIMESTAMP(6)}/{@code DATETIME(6)}
 * bound as {@link LocalDateTime} (which no driver shifts by the JVM or session time
 * zone), with microsecond precision.
 */
public final class Jdbc {

	private Jdbc() {
	}

	/**
	 * An id below every id (the nil UUID, which no generated or name-based UUID is): the
	 * bound of a keyset read from the start, so that the first page names
	 * {@code id > :after} like every later one. With only {@code conversation_id = ?}, H2
	 * plans the read on the foreign key's own index of that one column and sorts the
	 * whole conversation for every first page; with the bound it reads
	 * {@code (conversation_id, id)} in order and stops at the limit (docs/PERFORMANCE.md,
	 * "History page").
	 */
	public static final String BEFORE_EVERY_ID = "00000000-0000-0000-0000-000000000000";

	/** An id above every id: the bound of a newest-first keyset read from the end. */
	public static final String AFTER_EVERY_ID = "ffffffff-ffff-ffff-ffff-ffffffffffff";

	/** {@code id} as a bound of a keyset read, {@code whenNone} when there is none. */
	public static String bound(@Nullable UUID id, String whenNone) {
		return (id != null) ? param(id) : whenNone;
	}

	/** The clock's current instant at the precision the database keeps. */
	public static Instant now(InstantSource clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** An instant as a bind parameter (null stays null). */
	public static LocalDateTime param(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
				: null;
	}

	/** A UUID as a bind parameter (null stays null). */
	public static String param(UUID id) {
		return (id != null) ? id.toString() : null;
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	public static UUID uuid(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? UUID.fromString(value.trim()) : null;
	}

	/** An INTEGER column that may be NULL. */
	public static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}

package dev.parley.export;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;

/**
 * Seeds an export's data straight into the database, faster than sending the messages:
 * one conversation of the owner with {@code messages} user messages ("message number 0",
 * "message number 1", ...), a millisecond apart, a day ago.
 */
final class ExportSeed {

	private ExportSeed() {
	}

	static void oneConversation(DataSource dataSource, String owner, int messages) {
		IdGenerator ids = new IdGenerator();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Instant at = Instant.now().minus(Duration.ofDays(1));
		String conversation = ids.next().toString();
		jdbc.update(
				"INSERT INTO conversations (id, owner_id, title, pinned, archived, status, created_at, updated_at,"
						+ " last_active_at) VALUES (?, ?, 'seeded', FALSE, FALSE, 'active', ?, ?, ?)",
				conversation, owner, Jdbc.param(at), Jdbc.param(at), Jdbc.param(at));
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < messages; i++) {
			rows.add(new Object[] { ids.next().toString(), conversation, "message number " + i,
					Jdbc.param(at.plusMillis(i)), Jdbc.param(at.plusMillis(i)) });
		}
		jdbc.batchUpdate("INSERT INTO messages (id, conversation_id, role, content, status, cached, created_at,"
				+ " updated_at) VALUES (?, ?, 'user', ?, 'complete', FALSE, ?, ?)", rows);
	}

}

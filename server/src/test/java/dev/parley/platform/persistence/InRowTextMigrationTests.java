package dev.parley.platform.persistence;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2's V20 moves texts of up to 32 KiB into their rows: an H2 database holding
 * conversations and messages written before it keeps every text exactly (Chinese, the
 * longest that moves, one too long to move, a NULL system prompt, empty strings) and
 * every time stamp, and from then on stores values of that size in the row.
 */
class InRowTextMigrationTests {

	private static final Timestamp AT = Timestamp.valueOf("2026-01-02 03:04:05.123456");

	@Test
	void textsWrittenBeforeAreKeptExactlyAndTheSettingPersists() {
		try (TestDatabase database = TestDatabase.emptyH2()) {
			Flyway current = database.flyway();
			Flyway.configure().configuration(current.getConfiguration()).target("19").load().migrate();
			JdbcClient jdbc = JdbcClient.create(database.dataSource());
			String chinese = "清除上下文管理的设置。".repeat(30);
			String longest = "x".repeat(8191) + "末";
			String tooLong = "长".repeat(20_000);
			Map<String, String> texts = Map.of("00000000-0000-7000-8000-000000000001", chinese,
					"00000000-0000-7000-8000-000000000002", longest, "00000000-0000-7000-8000-000000000003", tooLong,
					"00000000-0000-7000-8000-000000000004", "", "00000000-0000-7000-8000-000000000005", "short");
			conversation(jdbc, "00000000-0000-7000-8001-000000000001", null);
			conversation(jdbc, "00000000-0000-7000-8001-000000000002", chinese);
			texts.forEach((id, text) -> jdbc
				.sql("INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at)"
						+ " VALUES (?, '00000000-0000-7000-8001-000000000001', 'user', ?, 'complete', ?, ?)")
				.params(id, text, AT, AT)
				.update());

			assertThat(current.migrate().migrationsExecuted).isPositive();

			texts.forEach((id, text) -> assertThat(
					jdbc.sql("SELECT content FROM messages WHERE id = ?").param(id).query(String.class).single())
				.as(id)
				.isEqualTo(text));
			assertThat(jdbc.sql("SELECT DISTINCT updated_at FROM messages").query(Timestamp.class).list())
				.containsExactly(AT);
			assertThat(jdbc.sql("SELECT system_prompt FROM conversations ORDER BY id").query(String.class).list())
				.containsExactly(null, chinese);
			assertThat(jdbc.sql(
					"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'")
				.query(String.class)
				.list()).isEqualTo(List.of("32768"));
		}
	}

	private static void conversation(JdbcClient jdbc, String id, String systemPrompt) {
		jdbc.sql(
				"INSERT INTO conversations (id, owner_id, title, system_prompt, created_at, updated_at, last_active_at)"
						+ " VALUES (?, 'owner-1', 'A title', ?, ?, ?, ?)")
			.params(id, systemPrompt, AT, AT, AT)
			.update();
	}

}

package dev.parley.platform.persistence;

import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every commit written at once ({@code WRITE_DELAY=0}) the H2 file stays bounded
 * under a steady stream of small transactions because the housekeeping rewrites what H2's
 * stopped background writer would have. H2 keeps dead chunks for {@code RETENTION_TIME}
 * (45 s by default); a short one here makes the growth visible within seconds.
 */
class H2HousekeepingTests {

	@Test
	void theFileStaysSmallWhileEveryCommitIsWritten(@TempDir Path dir) throws Exception {
		long withHousekeeping = fileSizeAfterWrites(dir.resolve("kept"), true);
		long without = fileSizeAfterWrites(dir.resolve("left"), false);
		assertThat(withHousekeeping).as("file size with housekeeping, against %d bytes without", without)
			.isLessThan(without / 2);
	}

	private static long fileSizeAfterWrites(Path dir, boolean housekeeping) throws Exception {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:file:" + dir + "/db;WRITE_DELAY=0;RETENTION_TIME=100");
			dataSource.setUsername("sa");
			dataSource.setPassword("");
			dataSource.setMaximumPoolSize(2);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			jdbc.sql("CREATE TABLE messages (id INT PRIMARY KEY, conversation INT, content VARCHAR(10000))").update();
			jdbc.sql("CREATE INDEX messages_conversation ON messages (conversation, id)").update();
			H2Housekeeping upkeep = new H2Housekeeping(dataSource);
			for (int i = 0; i < 12000; i++) {
				jdbc.sql("INSERT INTO messages VALUES (?, ?, ?)").params(i, i % 37, "message " + i).update();
				jdbc.sql("UPDATE messages SET content = ? WHERE id = ?")
					.params("reply ".repeat(i % 50), i / 2)
					.update();
				if (housekeeping && i % 100 == 0) {
					upkeep.round();
				}
			}
			return Files.size(dir.resolve("db.mv.db"));
		}
	}

}

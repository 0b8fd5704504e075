package dev.parley.conversation.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import dev.parley.conversation.ConversationDeleted;
import dev.parley.conversation.ConversationLifecycle;
import dev.parley.conversation.ConversationProperties;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.job.JobRun;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;
import dev.parley.testsupport.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle job against each supported database: statuses stored in batches, and the
 * retention policy deleting old conversations with their messages, a batch per
 * transaction, while leaving alone what is still in use (a reply being generated, a
 * message sent meanwhile), what is younger, and other users' conversations.
 */
@OnEachDatabase
class ConversationLifecycleJobContractTests {

	/** Small batches, so that every test goes through several of them. */
	private static final int BATCH = 3;

	@Parameter
	DatabaseServer database;

	private final SettableClock clock = new SettableClock(Instant.parse("2030-06-01T12:00:00Z"));

	private final IdGenerator ids = new IdGenerator();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final List<UUID> deleted = new ArrayList<>();

	private final String owner = "owner-" + UUID.randomUUID();

	private JdbcClient jdbc;

	private GroupCommit groupCommit;

	@BeforeEach
	void open() {
		DataSource dataSource = this.database.dataSource();
		this.jdbc = JdbcClient.create(dataSource);
		this.groupCommit = new GroupCommit(new DataSourceTransactionManager(dataSource), dataSource);
		// The database is this class's: each test starts from an empty one.
		this.jdbc.sql("DELETE FROM messages").update();
		this.jdbc.sql("DELETE FROM conversations").update();
	}

	@AfterEach
	void close() throws InterruptedException {
		this.groupCommit.destroy();
	}

	@Test
	void storesTheStatusesThatChangedInBatchesAndOnlyOnce() {
		String recent = conversation(this.owner, "active", Duration.ofMinutes(10));
		List<String> idle = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			idle.add(conversation(this.owner, "active", Duration.ofMinutes(31 + i)));
		}
		String storedIdle = conversation(this.owner, "idle", Duration.ofHours(2));
		String activeLongAgo = conversation(this.owner, "active", Duration.ofDays(3));
		String idleLongAgo = conversation(this.owner, "idle", Duration.ofHours(25));
		ConversationLifecycleJob job = job(Duration.ZERO);

		assertThat(job.run(unlimited())).isEqualTo(9);
		assertThat(status(recent)).isEqualTo("active");
		assertThat(idle).allSatisfy((id) -> assertThat(status(id)).isEqualTo("idle"));
		assertThat(status(storedIdle)).isEqualTo("idle");
		assertThat(status(activeLongAgo)).isEqualTo("expired");
		assertThat(status(idleLongAgo)).isEqualTo("expired");
		assertThat(transitions("idle")).isEqualTo(7);
		assertThat(transitions("expired")).isEqualTo(2);

		assertThat(job.run(unlimited())).as("a second run finds nothing to do").isZero();
		assertThat(transitions("idle")).isEqualTo(7);
		this.clock.advance(Duration.ofHours(24));
		assertThat(job.run(unlimited())).isEqualTo(9);
		assertThat(status(recent)).isEqualTo("expired");
		assertThat(transitions("expired")).isEqualTo(11);
	}

	@Test
	void aRunStopsBetweenBatchesWhenToldAndTheNextGoesOn() {
		for (int i = 0; i < 2 * BATCH; i++) {
			conversation(this.owner, "active", Duration.ofHours(1));
		}
		ConversationLifecycleJob job = job(Duration.ZERO);
		JobRun stopsAfterOneBatch = JobRun.within(Duration.ofMinutes(1),
				() -> count("SELECT COUNT(*) FROM conversations WHERE status = 'idle'") > 0);
		assertThat(job.run(stopsAfterOneBatch)).isEqualTo(BATCH);
		assertThat(job.run(unlimited())).isEqualTo(BATCH);
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE status = 'idle'")).isEqualTo(2 * BATCH);
	}

	@Test
	void withoutRetentionNothingIsDeleted() {
		String old = conversation(this.owner, "expired", Duration.ofDays(4000));
		messages(old, 2, Duration.ofDays(4000));
		job(Duration.ZERO).run(unlimited());
		assertThat(count("SELECT COUNT(*) FROM conversations")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM messages")).isEqualTo(2);
	}

	@Test
	void retentionDeletesOldConversationsWithTheirMessagesAndNothingElse() {
		List<String> old = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String id = conversation(this.owner, (i % 2 == 0) ? "expired" : "active", Duration.ofDays(91 + i));
			messages(id, 2 * BATCH + 1, Duration.ofDays(91 + i));
			old.add(id);
		}
		String othersOld = conversation("someone-else", "expired", Duration.ofDays(100));
		messages(othersOld, 2, Duration.ofDays(100));
		String younger = conversation(this.owner, "expired", Duration.ofDays(89));
		messages(younger, 2, Duration.ofDays(89));
		String othersRecent = conversation("someone-else", "active", Duration.ofMinutes(1));
		messages(othersRecent, 2, Duration.ofMinutes(1));

		ConversationLifecycleJob job = job(Duration.ofDays(90));
		job.run(unlimited());

		assertThat(old).allSatisfy((id) -> assertThat(exists(id)).isFalse());
		assertThat(exists(othersOld)).as("every owner's old conversations go").isFalse();
		assertThat(exists(younger)).isTrue();
		assertThat(exists(othersRecent)).isTrue();
		assertThat(count("SELECT COUNT(*) FROM messages")).as("the messages of the two kept").isEqualTo(4);
		assertThat(this.deleted).hasSize(5);
		assertThat(this.deleted).map(UUID::toString).containsAll(old).contains(othersOld);
		assertThat(this.registry.counter("parley.conversation.retention.deleted").count()).isEqualTo(5);
		assertThat(this.registry.counter("parley.conversation.retention.deleted_messages").count())
			.isEqualTo(4 * (2 * BATCH + 1) + 2);
		assertThat(job.run(unlimited())).isZero();
	}

	@Test
	void retentionKeepsAConversationWithAReplyBeingGenerated() {
		String generating = conversation(this.owner, "expired", Duration.ofDays(200));
		messages(generating, 2, Duration.ofDays(200));
		message(generating, "streaming", Duration.ofSeconds(5));
		String next = conversation(this.owner, "expired", Duration.ofDays(150));
		messages(next, 1, Duration.ofDays(150));

		job(Duration.ofDays(90)).run(unlimited());

		assertThat(exists(generating)).isTrue();
		assertThat(count("SELECT COUNT(*) FROM messages WHERE conversation_id = '" + generating + "'")).isEqualTo(3);
		assertThat(exists(next)).isFalse();
	}

	@Test
	void retentionKeepsWhatWasSentAfterTheCutOffAndTheConversationWithIt() {
		// Written while the job ran, say: a message newer than the retention period.
		String reopened = conversation(this.owner, "expired", Duration.ofDays(120));
		messages(reopened, 2 * BATCH, Duration.ofDays(120));
		String recentMessage = message(reopened, "complete", Duration.ofMinutes(1));
		List<String> behind = new ArrayList<>();
		for (int i = 0; i < 2 * BATCH; i++) {
			String id = conversation(this.owner, "expired", Duration.ofDays(110 - i));
			messages(id, 1, Duration.ofDays(110 - i));
			behind.add(id);
		}

		job(Duration.ofDays(90)).run(unlimited());

		assertThat(exists(reopened)).isTrue();
		assertThat(this.jdbc.sql("SELECT id FROM messages WHERE conversation_id = ?")
			.param(reopened)
			.query(String.class)
			.list()).containsExactly(recentMessage);
		assertThat(behind).as("the conversation that stays does not hold up the others")
			.allSatisfy((id) -> assertThat(exists(id)).isFalse());
	}

	private ConversationLifecycleJob job(Duration retention) {
		ConversationProperties properties = new ConversationProperties(Duration.ofMinutes(30), Duration.ofHours(24),
				retention, Duration.ofMinutes(1), BATCH, ConversationProperties.Titles.defaults());
		return new ConversationLifecycleJob(new LifecycleRepository(this.jdbc),
				new ConversationLifecycle(properties, this.clock), properties, new LifecycleMetrics(this.registry),
				this.groupCommit, (event) -> this.deleted.add(((ConversationDeleted) event).conversationId()),
				this.clock);
	}

	private static JobRun unlimited() {
		return JobRun.within(Duration.ofMinutes(5), () -> false);
	}

	/** A conversation of {@code owner} last active {@code ago}. */
	private String conversation(String owner, String status, Duration ago) {
		String id = this.ids.next().toString();
		Instant at = this.clock.instant().minus(ago);
		this.jdbc
			.sql("INSERT INTO conversations (id, owner_id, status, created_at, updated_at, last_active_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, owner, status, Jdbc.param(at), Jdbc.param(at), Jdbc.param(at))
			.update();
		return id;
	}

	private void messages(String conversationId, int count, Duration ago) {
		for (int i = 0; i < count; i++) {
			message(conversationId, "complete", ago.plusSeconds(count - i));
		}
	}

	private String message(String conversationId, String status, Duration ago) {
		String id = this.ids.next().toString();
		Instant at = this.clock.instant().minus(ago);
		this.jdbc
			.sql("INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at)"
					+ " VALUES (?, ?, 'user', 'text', ?, ?, ?)")
			.params(id, conversationId, status, Jdbc.param(at), Jdbc.param(at))
			.update();
		return id;
	}

	private String status(String id) {
		return this.jdbc.sql("SELECT status FROM conversations WHERE id = ?").param(id).query(String.class).single();
	}

	private boolean exists(String id) {
		return count("SELECT COUNT(*) FROM conversations WHERE id = '" + id + "'") == 1;
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private double transitions(String status) {
		return this.registry.counter("parley.conversation.transitions", "status", status).count();
	}

}

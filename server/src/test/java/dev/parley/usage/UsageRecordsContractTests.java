package dev.parley.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.job.JobRun;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;
import dev.parley.testsupport.SettableClock;
import dev.parley.usage.UsageQueries.Grouping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage records on each supported database: writing (also idempotently, and rolled back
 * with the caller's transaction), every aggregation of the reports (UTC day edges, zeros
 * for empty days, top-N, percentiles, period bounds) and the retention job's batches.
 */
@OnEachDatabase
class UsageRecordsContractTests {

	private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

	/** The last microsecond of DAY and the first of the next, in UTC. */
	private static final Instant LAST_OF_DAY = Instant.parse("2026-03-14T23:59:59.999999Z");

	private static final Instant FIRST_OF_NEXT = Instant.parse("2026-03-15T00:00:00Z");

	@Parameter
	DatabaseServer database;

	private final IdGenerator ids = new IdGenerator();

	private final String alice = "alice-" + UUID.randomUUID();

	private final String bob = "bob-" + UUID.randomUUID();

	private JdbcClient jdbc;

	private UsageRecordRepository records;

	private UsageQueries queries;

	private GroupCommit groupCommit;

	@BeforeEach
	void open() {
		this.jdbc = this.database.jdbc();
		this.jdbc.sql("DELETE FROM usage_records").update();
		this.records = new UsageRecordRepository(this.jdbc);
		this.queries = new UsageQueries(this.jdbc);
		this.groupCommit = new GroupCommit(new DataSourceTransactionManager(this.database.dataSource()),
				this.database.dataSource());
	}

	@AfterEach
	void close() throws InterruptedException {
		this.groupCommit.destroy();
	}

	@Test
	void aRecordIsWrittenWithEveryColumnAndOnlyOnceWhenAbsent() {
		UUID agent = UUID.randomUUID();
		UUID conversation = UUID.randomUUID();
		UsageRecord record = new UsageRecord(this.ids.next(), LAST_OF_DAY, this.alice, UUID.randomUUID().toString(),
				UsageRecord.CHAT, conversation, agent, "gpt-x", "openai", 12, 34, "complete", false, 250, 1, 900);
		this.records.record(record);
		this.records.recordIfAbsent(record);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM usage_records").query(Long.class).single()).isEqualTo(1);
		UsageRecord read = this.jdbc.sql("SELECT * FROM usage_records")
			.query((rs, row) -> new UsageRecord(Jdbc.uuid(rs, "id"), Jdbc.instant(rs, "created_at"),
					rs.getString("user_id"), rs.getString("api_key_id"), rs.getString("source"),
					Jdbc.uuid(rs, "conversation_id"), Jdbc.uuid(rs, "agent_id"), rs.getString("model"),
					rs.getString("provider"), rs.getInt("prompt_tokens"), rs.getInt("completion_tokens"),
					rs.getString("status"), rs.getBoolean("cached"), Jdbc.integer(rs, "ttft_ms"),
					rs.getInt("failovers"), rs.getInt("duration_ms")))
			.single();
		assertThat(read).isEqualTo(record);
		UsageRecord second = record(this.bob, FIRST_OF_NEXT, null, "m", "p", 1, 1, "failed", null, 2);
		this.records.recordIfAbsent(second);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM usage_records").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aRecordIsRolledBackWithTheCallersTransaction() {
		TransactionTemplate transaction = new TransactionTemplate(
				new DataSourceTransactionManager(this.database.dataSource()));
		try {
			transaction.executeWithoutResult((status) -> {
				this.records.record(record(this.alice, LAST_OF_DAY, null, "m", "p", 1, 1, "complete", null, 0));
				throw new IllegalStateException("the charge failed");
			});
		}
		catch (IllegalStateException expected) {
			// rolled back
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM usage_records").query(Long.class).single()).isZero();
	}

	@Test
	void daysAreUtcDaysAndEveryDayOfThePeriodIsThereWithZeros() {
		this.records.record(record(this.alice, LAST_OF_DAY, null, "m", "p", 10, 5, "complete", 100, 0));
		this.records.record(record(this.alice, FIRST_OF_NEXT, null, "m", "p", 1, 2, "complete", 100, 0));
		this.records.record(record(this.alice, DAY.atStartOfDay(ZoneOffset.UTC).toInstant(), null, "m", "p", 3, 3,
				"failed", null, 2));
		// outside the period on both sides
		this.records.record(record(this.alice, Instant.parse("2026-03-12T23:59:59.999999Z"), null, "m", "p", 100, 100,
				"complete", 1, 0));
		this.records.record(
				record(this.alice, Instant.parse("2026-03-17T00:00:00Z"), null, "m", "p", 100, 100, "complete", 1, 0));
		UsagePeriod period = new UsagePeriod(DAY.minusDays(1), DAY.plusDays(2));
		UsageViews.OwnUsage own = new UsageReports(this.queries).own(this.alice, period);
		assertThat(own.byDay()).extracting(UsageViews.DayTotals::day)
			.containsExactly(DAY.minusDays(1), DAY, DAY.plusDays(1), DAY.plusDays(2));
		assertThat(own.byDay()).extracting(UsageViews.DayTotals::totalTokens).containsExactly(0L, 21L, 3L, 0L);
		assertThat(own.byDay()).extracting(UsageViews.DayTotals::requests).containsExactly(0L, 2L, 1L, 0L);
		assertThat(own.total()).isEqualTo(new UsageViews.Totals(3, 14, 10, 24));
		assertThat(this.queries.total(period, this.bob)).isEqualTo(new UsageSums(null, 0, 0, 0, 0, 0));
		UsageSums all = this.queries.total(period, null);
		assertThat(all.failovers()).isEqualTo(2);
		assertThat(all.errors()).isEqualTo(1);
	}

	@Test
	void topGroupsAreTheMostTokensFirstAndAtMostTheLimit() {
		UUID agent = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO agents (id, name, route, params, preset_messages, greetings, suggested_questions,"
				+ " visibility, created_at, updated_at) VALUES (?, ?, '[]', '{}', '[]', '[]', '[]', 'public', ?, ?)")
			.params(agent.toString(), "agent-" + agent, Jdbc.param(Instant.now()), Jdbc.param(Instant.now()))
			.update();
		UUID deletedAgent = UUID.randomUUID();
		this.records.record(agentRecord(this.alice, agent, "small", "p1", 5, 5, "complete", 0));
		this.records.record(agentRecord(this.alice, agent, "small", "p1", 5, 5, "interrupted", 1));
		this.records.record(agentRecord(this.bob, deletedAgent, "big", "p2", 100, 50, "complete", 0));
		this.records.record(agentRecord(this.bob, null, "middle", "p1", 20, 20, "failed", 2));
		UsagePeriod period = new UsagePeriod(DAY, DAY);

		assertThat(this.queries.top(Grouping.MODEL, period, null, 2)).extracting(UsageSums::key)
			.containsExactly("big", "middle");
		assertThat(this.queries.top(Grouping.PROVIDER, period, null, 10))
			.containsExactly(new UsageSums("p2", 1, 100, 50, 0, 0), new UsageSums("p1", 3, 30, 30, 3, 2));
		assertThat(this.queries.top(Grouping.USER, period, null, 10)).extracting(UsageSums::key)
			.containsExactly(this.bob, this.alice);
		assertThat(this.queries.top(Grouping.MODEL, period, this.alice, 10)).extracting(UsageSums::key)
			.containsExactly("small");

		UsageViews.AdminUsage admin = new UsageReports(this.queries).admin(period, 10);
		assertThat(admin.byAgent()).extracting(UsageViews.AgentAdmin::agentId)
			.containsExactly(deletedAgent.toString(), null, agent.toString());
		assertThat(admin.byAgent()).extracting(UsageViews.AgentAdmin::agentName)
			.containsExactly(null, null, "agent-" + agent);
		assertThat(admin.byAgent().get(2).errors()).isEqualTo(1);
		assertThat(admin.total()).isEqualTo(new UsageViews.AdminTotals(4, 130, 80, 210, 3, 2));
	}

	@Test
	void ttftPercentilesComeFromBucketsPerDayAndForThePeriod() {
		// 100 calls on DAY: 1..100 x 10 ms (10 ms to 1 s), and one without a first token
		for (int i = 1; i <= 100; i++) {
			this.records
				.record(record(this.alice, LAST_OF_DAY.minusSeconds(i), null, "m", "p", 1, 1, "complete", i * 10, 0));
		}
		this.records.record(record(this.alice, LAST_OF_DAY, null, "m", "p", 0, 0, "failed", null, 0));
		// the next day: 1,234 ms, 25,600 ms (buckets of 100 ms and 1 s) and 2,000,000 ms
		this.records.record(record(this.bob, FIRST_OF_NEXT, null, "m", "p", 1, 1, "complete", 1234, 0));
		this.records.record(record(this.bob, FIRST_OF_NEXT, null, "m", "p", 1, 1, "complete", 25_600, 0));
		this.records.record(record(this.bob, FIRST_OF_NEXT, null, "m", "p", 1, 1, "complete", 2_000_000, 0));
		UsageViews.AdminUsage admin = new UsageReports(this.queries).admin(new UsagePeriod(DAY, DAY.plusDays(2)), 10);
		assertThat(admin.byDay().get(0).ttftMs()).isEqualTo(new UsageViews.Ttft(500L, 900L, 990L));
		assertThat(admin.byDay().get(1).ttftMs()).isEqualTo(new UsageViews.Ttft(25_000L, 1_000_000L, 1_000_000L));
		assertThat(admin.byDay().get(2).ttftMs()).isEqualTo(new UsageViews.Ttft(null, null, null));
		assertThat(admin.ttftMs()).isEqualTo(new UsageViews.TtftSummary(520L, 930L, 25_000L, 103));
	}

	@Test
	void retentionDeletesOldRecordsInBatchesAndKeepsTheRest() {
		SettableClock clock = new SettableClock(Instant.parse("2027-06-01T12:00:00Z"));
		for (int i = 0; i < 7; i++) {
			this.records.record(record(this.alice, Instant.parse("2026-04-01T00:00:00Z").minusSeconds(i), null, "m",
					"p", 1, 1, "complete", null, 0));
		}
		UsageRecord young = record(this.alice, Instant.parse("2026-06-01T12:00:00Z"), null, "m", "p", 1, 1, "complete",
				null, 0);
		this.records.record(young);
		UsageRetentionJob job = new UsageRetentionJob(this.records,
				new UsageProperties(Duration.ofDays(365), Duration.ofHours(1), 3), this.groupCommit, clock);
		assertThat(job.run(JobRun.within(Duration.ofMinutes(1), () -> false))).isEqualTo(7);
		assertThat(this.jdbc.sql("SELECT id FROM usage_records").query(String.class).list())
			.containsExactly(young.id().toString());
		assertThat(job.run(JobRun.within(Duration.ofMinutes(1), () -> false))).isZero();
	}

	private UsageRecord record(String user, Instant at, UUID agent, String model, String provider, int prompt,
			int completion, String status, Integer ttft, int failovers) {
		return new UsageRecord(this.ids.next(), at, user, null, UsageRecord.GATEWAY, null, agent, model, provider,
				prompt, completion, status, false, ttft, failovers, 10);
	}

	private UsageRecord agentRecord(String user, UUID agent, String model, String provider, int prompt, int completion,
			String status, int failovers) {
		return record(user, Instant.parse("2026-03-14T12:00:00Z"), agent, model, provider, prompt, completion, status,
				null, failovers);
	}

}

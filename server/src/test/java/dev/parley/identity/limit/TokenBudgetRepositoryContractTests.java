package dev.parley.identity.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.problem.RetryLaterException;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The daily token quota against a real database (migrated with the real scripts), run on
 * each supported server.
 */
@OnEachDatabase
class TokenBudgetRepositoryContractTests {

	/** 20:00:00.5 UTC: 4 h (14,400 s) before the next UTC midnight, rounded up. */
	private static final Instant EVENING = Instant.parse("2026-03-14T19:59:59.500Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final IdGenerator ids = new IdGenerator();

	@Parameter
	DatabaseServer database;

	@Test
	void refusesOnceTheDaysTokensAreUsedWithRetryAfterUntilUtcMidnight() {
		TokenBudgetRepository budget = budget(1000, EVENING);
		String user = user();
		budget.requireAvailable(user);
		budget.charge(user, 600);
		budget.requireAvailable(user);
		budget.charge(user, 500);
		assertThat(budget.usedOn(user, LocalDate.of(2026, 3, 14))).isEqualTo(1100);
		assertThatExceptionOfType(RetryLaterException.class).isThrownBy(() -> budget.requireAvailable(user))
			.satisfies((ex) -> {
				assertThat(ex.type()).isEqualTo(LimitProblem.QUOTA_EXCEEDED);
				assertThat(ex.retryAfterSeconds()).isEqualTo(14_401);
				assertThat(ex.getMessage()).contains("1100 of your 1000");
			});
		assertThatNoException().isThrownBy(() -> budget.requireAvailable(user()));
		assertThat(this.registry.counter("parley.ratelimit.rejections", "limit", "tokens").count()).isEqualTo(1);
	}

	@Test
	void exactlyTheLimitIsUsedUp() {
		TokenBudgetRepository budget = budget(1000, EVENING);
		String user = user();
		budget.charge(user, 999);
		budget.requireAvailable(user);
		budget.charge(user, 1);
		assertThatExceptionOfType(RetryLaterException.class).isThrownBy(() -> budget.requireAvailable(user));
	}

	@Test
	void aNewUtcDayStartsAfresh() {
		String user = user();
		budget(1000, EVENING).charge(user, 1000);
		TokenBudgetRepository nextDay = budget(1000, Instant.parse("2026-03-15T00:00:00Z"));
		nextDay.requireAvailable(user);
		nextDay.charge(user, 5);
		assertThat(nextDay.usedOn(user, LocalDate.of(2026, 3, 15))).isEqualTo(5);
		assertThat(nextDay.usedOn(user, LocalDate.of(2026, 3, 14))).isEqualTo(1000);
	}

	@Test
	void zeroIsUnlimitedButUsageIsStillCounted() {
		TokenBudgetRepository budget = budget(0, EVENING);
		String user = user();
		budget.charge(user, 5_000_000);
		budget.charge(user, 0);
		budget.requireAvailable(user);
		assertThat(budget.usedOn(user, LocalDate.of(2026, 3, 14))).isEqualTo(5_000_000);
	}

	@Test
	void concurrentChargesAreAllCounted() throws Exception {
		TokenBudgetRepository budget = budget(1000, EVENING);
		String user = user();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Void>> charges = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				charges.add(() -> {
					budget.charge(user, 7);
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(charges, 60, TimeUnit.SECONDS)) {
				done.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(budget.usedOn(user, LocalDate.of(2026, 3, 14))).isEqualTo(280);
	}

	/**
	 * A reply is stored and charged in one transaction: there the charge only updates an
	 * existing usage row (concurrent ones wait for each other's row lock, none fails),
	 * and without a row it changes nothing and says so.
	 */
	@Test
	void chargingAnExistingRowInsideTransactionsCountsEveryCharge() throws Exception {
		TokenBudgetRepository budget = budget(1000, EVENING);
		String user = user();
		assertThat(budget.chargeExisting(user, 7)).isFalse();
		assertThat(budget.usedOn(user, LocalDate.of(2026, 3, 14))).isZero();
		budget.charge(user, 7);
		TransactionTemplate transaction = new TransactionTemplate(
				new DataSourceTransactionManager(this.database.dataSource()));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Boolean>> charges = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				charges.add(() -> transaction.execute((status) -> budget.chargeExisting(user, 7)));
			}
			for (Future<Boolean> done : pool.invokeAll(charges, 60, TimeUnit.SECONDS)) {
				assertThat(done.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(budget.usedOn(user, LocalDate.of(2026, 3, 14))).isEqualTo(147);
	}

	@Test
	void survivesANewBudgetOnTheSameDatabase() {
		String user = user();
		budget(100, EVENING).charge(user, 100);
		assertThatExceptionOfType(RetryLaterException.class)
			.isThrownBy(() -> budget(100, EVENING.plus(Duration.ofHours(1))).requireAvailable(user));
	}

	@Test
	void withEstimatesTheReplyOverTheQuotaStillStopsTheNextOne() {
		TokenBudgetRepository budget = budget(1000, EVENING, new UsageEstimates());
		String user = user();
		budget.charge(user, 10);
		budget.requireAvailable(user);
		budget.charge(user, 600);
		budget.requireAvailable(user);
		budget.charge(user, 500);
		assertThatExceptionOfType(RetryLaterException.class).isThrownBy(() -> budget.requireAvailable(user))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("1110 of your 1000"));
	}

	/**
	 * An estimate may count a charge whose transaction was rolled back; a refusal reads
	 * the database first, so that charge refuses nobody.
	 */
	@Test
	void withEstimatesARolledBackChargeRefusesNobody() {
		TokenBudgetRepository budget = budget(1000, EVENING, new UsageEstimates());
		String user = user();
		budget.charge(user, 500);
		budget.requireAvailable(user);
		TransactionTemplate transaction = new TransactionTemplate(
				new DataSourceTransactionManager(this.database.dataSource()));
		transaction.executeWithoutResult((status) -> {
			assertThat(budget.chargeExisting(user, 600)).isTrue();
			status.setRollbackOnly();
		});
		assertThatNoException().isThrownBy(() -> budget.requireAvailable(user));
		assertThat(budget.usedOn(user, LocalDate.of(2026, 3, 14))).isEqualTo(500);
	}

	/** What another writer charged is seen once the estimate is read again. */
	@Test
	void withEstimatesAnotherWritersChargeCountsAfterTheRefresh() throws InterruptedException {
		TokenBudgetRepository budget = budget(1000, EVENING, new UsageEstimates());
		String user = user();
		budget.charge(user, 10);
		budget.requireAvailable(user);
		budget(1000, EVENING).charge(user, 1000);
		Thread.sleep(UsageEstimates.FRESHNESS.toMillis() + 100);
		assertThatExceptionOfType(RetryLaterException.class).isThrownBy(() -> budget.requireAvailable(user));
	}

	private TokenBudgetRepository budget(long perDay, Instant now) {
		return budget(perDay, now, null);
	}

	private TokenBudgetRepository budget(long perDay, Instant now, @Nullable UsageEstimates estimates) {
		LimitProperties properties = new LimitProperties(120, 120, 30, perDay, 5, 20, Duration.ofMinutes(15));
		// The clock's zone must not matter: days are UTC days.
		return new TokenBudgetRepository(this.database.jdbc(), QuotaPolicy.defaults(properties),
				new LimitMetrics(this.registry), Clock.fixed(now, ZoneId.of("Asia/Shanghai")), estimates);
	}

	private String user() {
		return this.ids.next().toString();
	}

}

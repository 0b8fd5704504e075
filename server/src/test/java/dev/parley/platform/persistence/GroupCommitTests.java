package dev.parley.platform.persistence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a file-backed H2 database with every commit written at once, the writes of many
 * callers share commits, yet each caller sees only its own outcome, and only once it is
 * committed.
 */
class GroupCommitTests {

	private HikariDataSource dataSource;

	private JdbcClient jdbc;

	private GroupCommit groupCommit;

	private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

	@BeforeEach
	void open(@TempDir Path dir) {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl("jdbc:h2:file:" + dir + "/db;WRITE_DELAY=0");
		this.dataSource.setUsername("sa");
		this.dataSource.setPassword("");
		this.dataSource.setMaximumPoolSize(4);
		this.jdbc = JdbcClient.create(this.dataSource);
		this.jdbc.sql("CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100) NOT NULL)").update();
		this.groupCommit = new GroupCommit(new JdbcTransactionManager(this.dataSource), this.dataSource);
	}

	@AfterEach
	void close() throws InterruptedException {
		this.callers.shutdownNow();
		this.groupCommit.destroy();
		this.dataSource.close();
	}

	@Test
	void writesWaitingTogetherShareOneCommitAndEachGetsItsResult() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Set<Object> transactions = ConcurrentHashMap.newKeySet();
		Future<Integer> first = holdTheCommitter(release);
		List<Future<Integer>> waiting = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			int id = i;
			waiting.add(this.callers.submit(() -> this.groupCommit.execute((tx) -> {
				insert(id);
				transactions.add(TransactionSynchronizationManager.getResource(this.dataSource));
				return id;
			})));
		}
		awaitQueued(50);
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
		for (int i = 0; i < waiting.size(); i++) {
			assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i + 1);
		}
		assertThat(transactions).as("the transactions of the 50 writes that waited").hasSize(1);
		assertThat(count()).isEqualTo(50);
	}

	@Test
	void aFailingWriteIsUndoneAloneAndItsCallerGetsItsFailure() throws Exception {
		// a write that fails after a change of its own, inside a transaction template
		// that
		// joins the group's transaction (which marks it rollback-only)
		assertUndoneAloneAmongOthers((tx) -> {
			insert(2);
			return new TransactionTemplate(new JdbcTransactionManager(this.dataSource)).execute((inner) -> {
				insert(1);
				return 2;
			});
		}, DuplicateKeyException.class);
	}

	@Test
	void whenTheDatabaseDropsTheGroupsTransactionEachWriteRunsAgainAlone() throws Exception {
		// as H2 does to a deadlock victim: the whole transaction, savepoints included, is
		// rolled back under the unit, which then fails
		assertUndoneAloneAmongOthers((tx) -> {
			insert(2);
			this.jdbc.sql("ROLLBACK").update();
			throw new IllegalStateException("chosen as a deadlock victim");
		}, IllegalStateException.class);
	}

	/**
	 * Queues {@code failing} between two writes that succeed, all three in one group, and
	 * checks that only it is undone and only its caller gets its failure.
	 */
	private void assertUndoneAloneAmongOthers(TransactionCallback<Integer> failing, Class<? extends Throwable> failure)
			throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Future<Integer> first = holdTheCommitter(release);
		Future<Integer> before = this.callers.submit(() -> this.groupCommit.execute((tx) -> insert(1)));
		awaitQueued(1);
		Future<Integer> failed = this.callers.submit(() -> this.groupCommit.execute(failing));
		awaitQueued(2);
		Future<Integer> after = this.callers.submit(() -> this.groupCommit.execute((tx) -> insert(3)));
		awaitQueued(3);
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
		assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(failure);
		assertThat(this.jdbc.sql("SELECT id FROM notes ORDER BY id").query(Integer.class).list()).containsExactly(1, 3);
	}

	@Test
	void whatAFailedWriteRegisteredForTheCommitNeverRuns() throws Exception {
		List<Integer> afterCommit = new CopyOnWriteArrayList<>();
		CountDownLatch release = new CountDownLatch(1);
		Future<Integer> first = holdTheCommitter(release);
		Future<Integer> kept = this.callers.submit(() -> this.groupCommit.execute((tx) -> {
			onCommit(afterCommit, 1);
			return insert(1);
		}));
		awaitQueued(1);
		Future<Integer> failed = this.callers.submit(() -> this.groupCommit.execute((tx) -> {
			onCommit(afterCommit, 2);
			insert(2);
			throw new IllegalStateException("undone");
		}));
		awaitQueued(2);
		Future<Integer> alsoKept = this.callers.submit(() -> this.groupCommit.execute((tx) -> {
			onCommit(afterCommit, 3);
			return insert(3);
		}));
		awaitQueued(3);
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
		assertThat(kept.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(alsoKept.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
		assertThat(afterCommit).containsExactly(1, 3);
	}

	private static void onCommit(List<Integer> afterCommit, int unit) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				afterCommit.add(unit);
			}

		});
	}

	@Test
	void aWriteInsideTheCallersTransactionJoinsIt() {
		TransactionTemplate callers = new TransactionTemplate(new JdbcTransactionManager(this.dataSource));
		assertThatThrownBy(() -> callers.executeWithoutResult((outer) -> {
			this.groupCommit.execute((tx) -> insert(7));
			throw new IllegalStateException("the caller's transaction fails");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(count()).isZero();
	}

	@Test
	void afterShutdownWritesStillCommit() throws InterruptedException {
		this.groupCommit.destroy();
		int inserted = this.groupCommit.execute((tx) -> insert(9));
		assertThat(inserted).isEqualTo(1);
		assertThat(count()).isEqualTo(1);
	}

	/**
	 * A write that keeps the committer busy until {@code release}, so that the writes
	 * submitted meanwhile wait together.
	 */
	private Future<Integer> holdTheCommitter(CountDownLatch release) throws InterruptedException {
		CountDownLatch running = new CountDownLatch(1);
		Future<Integer> holding = this.callers.submit(() -> this.groupCommit.execute((tx) -> {
			running.countDown();
			await(release);
			return 0;
		}));
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		return holding;
	}

	private int insert(int id) {
		return this.jdbc.sql("INSERT INTO notes VALUES (?, ?)").params(id, "note " + id).update();
	}

	private int count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single();
	}

	/** Waits until {@code units} callers are queued behind the running group. */
	private void awaitQueued(int units) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.groupCommit.queued() < units && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.groupCommit.queued()).isEqualTo(units);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package dev.parley.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits many short write transactions of different requests as one, on the embedded H2
 * database, where every commit is written to the file before it returns
 * ({@code WRITE_DELAY=0}) and H2 writes them one at a time: at a few hundred replies a
 * second their commits alone would keep the store busy and the pool's connections held.
 * Here each unit of work runs in its own savepoint of a shared transaction on one
 * committer thread, which takes whatever work is waiting (nothing is held back to fill a
 * group: alone, a unit commits at once); the caller gets its result, or its own failure,
 * only once the group is committed, so an answered write is in the file as before. A unit
 * that fails is rolled back to its savepoint without touching the others, and what it
 * registered for the commit (after-commit listeners of its events) is dropped; a commit
 * that fails fails every unit of the group. On other databases, whose servers group
 * commits themselves, and inside a transaction of the caller's, a unit simply runs in the
 * caller's transaction as {@link TransactionTemplate} would.
 * <p>
 * A unit runs on the committer's thread: it must not read state bound to the caller's
 * thread (the current user, for one).
 */
@Component
public class GroupCommit implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/** Units per commit at most: bounds the store lock held and the savepoints kept. */
	static final int MAX_UNITS = 256;

	/** How often an idle committer looks whether it is being stopped. */
	private static final long IDLE_POLL_MILLIS = 100;

	/** The longest wait at shutdown for the queued writes to be committed. */
	private static final long SHUTDOWN_WAIT_MILLIS = 10_000;

	private final TransactionTemplate transactions;

	private final TransactionTemplate unit;

	private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();

	private final Thread committer;

	private volatile boolean stopped;

	public GroupCommit(PlatformTransactionManager transactionManager, DataSource dataSource) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.unit = new TransactionTemplate(transactionManager);
		this.unit.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.committer = embeddedH2(dataSource)
				? Thread.ofPlatform().name("group-commit").daemon().start(this::commitGroups) : null;
	}

	/**
	 * Runs {@code work} in a transaction and returns its result once that is committed.
	 * @throws RuntimeException what {@code work} threw (its changes are rolled back), or
	 * the failure of the commit
	 */
	public <T> T execute(TransactionCallback<T> work) {
		if (this.committer == null || this.stopped || Thread.currentThread() == this.committer
				|| TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.transactions.execute(work);
		}
		Unit<T> queued = new Unit<>(work);
		this.queue.add(queued);
		if (this.stopped && this.queue.remove(queued)) {
			// the committer has ended, and did not take it
			return this.transactions.execute(work);
		}
		try {
			return queued.outcome.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw (ex.getCause() instanceof RuntimeException failure) ? failure : ex;
		}
	}

	/** Writes waiting for the committer, behind the group it is committing. */
	int queued() {
		return this.queue.size();
	}

	private void commitGroups() {
		List<Unit<?>> group = new ArrayList<>(MAX_UNITS);
		while (!this.stopped) {
			Unit<?> first;
			try {
				first = this.queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				break;
			}
			if (first == null) {
				continue;
			}
			group.add(first);
			this.queue.drainTo(group, MAX_UNITS - 1);
			commit(group);
			group.clear();
		}
		// Stopping: what was queued before is still committed.
		while (this.queue.drainTo(group, MAX_UNITS) > 0) {
			commit(group);
			group.clear();
		}
	}

	private void commit(List<Unit<?>> group) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				for (Unit<?> queued : group) {
					if (!queued.runIn(this.unit)) {
						throw new SharedTransactionLost();
					}
				}
			});
		}
		catch (SharedTransactionLost ex) {
			// H2 rolled back the whole transaction (a deadlock victim): each unit again,
			// alone.
			log.debug("A group of {} writes lost its transaction; committing each alone", group.size());
			group.forEach((queued) -> queued.runAlone(this.transactions));
			return;
		}
		catch (RuntimeException | Error ex) {
			log.debug("A group of {} writes failed to commit: {}", group.size(), ex.toString());
			group.forEach((queued) -> queued.failed(ex));
			return;
		}
		group.forEach(Unit::committed);
	}

	private static boolean embeddedH2(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getURL().startsWith("jdbc:h2:");
		}
		catch (SQLException ex) {
			log.warn("Could not tell the database's vendor, so writes are not grouped: {}", ex.toString());
			return false;
		}
	}

	/**
	 * Stops taking new groups and waits for the committer to commit what is queued,
	 * before the pool closes. The committer is never interrupted: an interrupt in the
	 * middle of H2's file write would close H2's file channel under it.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.stopped = true;
		if (this.committer != null) {
			this.committer.join(SHUTDOWN_WAIT_MILLIS);
		}
	}

	/** The group's transaction was rolled back as a whole while its units ran. */
	private static final class SharedTransactionLost extends RuntimeException {

		SharedTransactionLost() {
			super(null, null, false, false);
		}

	}

	/**
	 * One caller's work: run in its savepoint, its result kept until the group's commit
	 * decides whether it is delivered.
	 */
	private static final class Unit<T> {

		private final TransactionCallback<T> work;

		private final CompletableFuture<T> outcome = new CompletableFuture<>();

		private T result;

		private Throwable failure;

		Unit(TransactionCallback<T> work) {
			this.work = work;
		}

		/**
		 * Runs the work in its savepoint; false when that could not be rolled back, which
		 * means the shared transaction is lost.
		 */
		boolean runIn(TransactionTemplate savepoint) {
			List<TransactionSynchronization> before = TransactionSynchronizationManager.getSynchronizations();
			try {
				this.result = savepoint.execute(this.work);
				return true;
			}
			catch (TransactionException ex) {
				return false;
			}
			catch (RuntimeException | Error ex) {
				this.failure = ex;
				forgetSynchronizationsSince(before);
				return true;
			}
		}

		/**
		 * A unit rolled back to its savepoint did not happen: what it registered to run
		 * at the shared transaction's commit (after-commit event listeners, for one) is
		 * dropped with it.
		 */
		private static void forgetSynchronizationsSince(List<TransactionSynchronization> before) {
			if (TransactionSynchronizationManager.getSynchronizations().size() == before.size()) {
				return;
			}
			TransactionSynchronizationManager.clearSynchronization();
			TransactionSynchronizationManager.initSynchronization();
			before.forEach(TransactionSynchronizationManager::registerSynchronization);
		}

		void runAlone(TransactionTemplate transaction) {
			try {
				this.outcome.complete(transaction.execute(this.work));
			}
			catch (RuntimeException | Error ex) {
				this.outcome.completeExceptionally(ex);
			}
		}

		void committed() {
			if (this.failure != null) {
				this.outcome.completeExceptionally(this.failure);
			}
			else {
				this.outcome.complete(this.result);
			}
		}

		void failed(Throwable commitFailure) {
			this.outcome.completeExceptionally((this.failure != null) ? this.failure : commitFailure);
		}

	}

}

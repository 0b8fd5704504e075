package dev.parley.importing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

import dev.parley.platform.problem.ProblemException;

/**
 * The direct imports ({@code POST /api/v1/imports}) under way on this instance, one per
 * user at a time: each holds a request thread and database work for as long as its upload
 * lasts, so a user with more files waits for the first or sends them as jobs, which the
 * task queue bounds.
 */
@Component
class DirectImports {

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	/**
	 * Takes the owner's one direct import; closing the answer gives it back.
	 * @throws ProblemException 409 {@code import-already-running} while another direct
	 * import of the owner runs here
	 */
	Slot take(String owner) {
		if (!this.running.add(owner)) {
			throw ProblemException.of(ImportProblem.ALREADY_RUNNING,
					"You already have an import running; wait for it to end, or send the file to "
							+ ImportController.PATH + "/jobs to import it in the background.");
		}
		return new Slot(owner);
	}

	/** One user's direct import under way; closing it more than once is harmless. */
	final class Slot implements AutoCloseable {

		private final String owner;

		private final AtomicBoolean open = new AtomicBoolean(true);

		private Slot(String owner) {
			this.owner = owner;
		}

		@Override
		public void close() {
			if (this.open.compareAndSet(true, false)) {
				DirectImports.this.running.remove(this.owner);
			}
		}

	}

}

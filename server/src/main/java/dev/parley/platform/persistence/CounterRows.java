package dev.parley.platform.persistence;

import java.util.function.IntSupplier;

import org.springframework.dao.DuplicateKeyException;

/**
 * Adds to a row of counters that may not exist yet (a usage row per day, say) the same
 * way on every database, without a vendor's upsert: the update adds to the row; when
 * there is none the insert creates it; when another request created it first (a
 * {@link DuplicateKeyException}) the update runs again, three attempts in all.
 */
public final class CounterRows {

	private static final int ATTEMPTS = 3;

	private CounterRows() {
	}

	/**
	 * Runs {@code update} (returning how many rows it changed), else {@code insert}, as
	 * the class says.
	 */
	public static void add(IntSupplier update, Runnable insert) {
		for (int attempt = 1;; attempt++) {
			if (update.getAsInt() > 0) {
				return;
			}
			try {
				insert.run();
				return;
			}
			catch (DuplicateKeyException ex) {
				// Another request inserted the row first: add to it.
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}

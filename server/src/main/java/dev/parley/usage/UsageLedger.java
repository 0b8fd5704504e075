package dev.parley.usage;

/**
 * Writes usage records. Each write is one {@code INSERT} in the caller's transaction (on
 * its own when there is none), so a record commits with the charge it describes.
 */
public interface UsageLedger {

	/** Writes the record. */
	void record(UsageRecord record);

	/**
	 * Writes the record unless one with its id is stored already: for a write retried
	 * after an attempt whose commit outcome is unknown (one more read, on that rare path
	 * only).
	 */
	void recordIfAbsent(UsageRecord record);

}

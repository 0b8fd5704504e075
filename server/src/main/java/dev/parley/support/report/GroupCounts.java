package dev.parley.support.report;

/**
 * The counts of one group of conversations, from the database's aggregates.
 *
 * @param botStarted the conversations the bot answered first (the rates' denominator)
 */
record GroupCounts(long conversations, long botStarted, long handedOff, long botResolved, long resolved) {

	static final GroupCounts NONE = new GroupCounts(0, 0, 0, 0, 0);

	GroupCounts plus(GroupCounts other) {
		return new GroupCounts(this.conversations + other.conversations, this.botStarted + other.botStarted,
				this.handedOff + other.handedOff, this.botResolved + other.botResolved, this.resolved + other.resolved);
	}

}

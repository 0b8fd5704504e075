package dev.parley.support.desk;

/** Where a support conversation stands, for humans; serialized in lower case. */
public enum SupportStatus {

	/** Humans answer and it waits for them. */
	OPEN,

	/** The bot answers; humans are not needed (yet). */
	PENDING,

	RESOLVED,

	/** Put aside until {@code snoozed_until}, or until the customer writes. */
	SNOOZED

}

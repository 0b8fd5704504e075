package dev.parley.support.staff;

/** Whether a human agent takes conversations now; serialized in lower case. */
public enum Availability {

	/** Takes new conversations (auto-assignment picks them). */
	ONLINE,

	/** At work, but takes no new conversations. */
	BUSY,

	OFFLINE

}

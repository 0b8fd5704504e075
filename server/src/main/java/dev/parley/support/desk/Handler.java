package dev.parley.support.desk;

/** Who answers a support conversation now; serialized in lower case. */
public enum Handler {

	/** The inbox's AI agent. */
	BOT,

	/** Human agents: the AI never replies. */
	HUMAN

}

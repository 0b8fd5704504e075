package dev.parley.support.desk;

/** What handed a conversation from the bot to humans; serialized in lower case. */
public enum HandoffTrigger {

	/** The customer asked for a person (the widget's button). */
	CUSTOMER,

	/** The customer's message held one of the inbox's keywords. */
	KEYWORD,

	/** The bot failed the inbox's number of times in a row. */
	RULE,

	/** The model's reply carried the handoff marker. */
	MODEL,

	/** A human agent took the conversation (or handed it back). */
	AGENT

}

package dev.parley.conversation;

/** Where a message is in its life; serialized in lower case. */
public enum MessageStatus {

	/** Fully written. */
	COMPLETE,
	/** An assistant reply that is still being generated. */
	STREAMING,
	/** Generation was stopped by the user; the content is the partial reply. */
	STOPPED,
	/** Generation broke off (provider fault after the first token, or a crash). */
	INTERRUPTED,
	/** Generation failed before any text arrived. */
	FAILED

}

package dev.parley.conversation;

/** The lifecycle state of a conversation; serialized in lower case. */
public enum ConversationStatus {

	ACTIVE, IDLE, EXPIRED

}

package dev.parley.conversation;

/** Who wrote a message; serialized in lower case. */
public enum MessageRole {

	SYSTEM, USER, ASSISTANT, AGENT, TOOL

}

package dev.parley.conversation;

/**
 * Published (within this module) once an assistant message is stored complete: what
 * {@link ConversationTitler} starts from.
 *
 * @param reply the message as stored
 */
record ReplyCompleted(Message reply) {
}

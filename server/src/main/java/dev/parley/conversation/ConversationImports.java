package dev.parley.conversation;

import java.util.UUID;

/**
 * Writes imported conversations. Every id is new: the source's ids name rows of another
 * database (or of another user here), so they are never reused (docs/adr/0025).
 */
public interface ConversationImports {

	/**
	 * Writes {@code conversation} and its messages, in the caller's transaction, and
	 * returns the new conversation's id. Messages get ids in their list order, so the
	 * last one is the conversation's newest (where a new message continues by default).
	 * Its tags are the owner's tags of those names, created where missing.
	 * @throws dev.parley.platform.problem.ProblemException 422 {@code too-many-tags} when
	 * the owner would have more tags than allowed
	 */
	UUID write(ImportedConversation conversation);

}

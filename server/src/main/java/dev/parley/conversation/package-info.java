/**
 * Conversations and their messages: creating, listing, renaming, pinning, archiving and
 * deleting them, the context sent to the model, and history paging.
 */
@NullMarked
package dev.parley.conversation;

import org.jspecify.annotations.NullMarked;

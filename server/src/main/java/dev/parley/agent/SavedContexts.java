package dev.parley.agent;

import java.util.Optional;
import java.util.UUID;

/** The current user's saved contexts, for a conversation being created. */
public interface SavedContexts {

	/** The current user's context with this id (another user's is never found). */
	Optional<SavedContext> find(UUID id);

	/** The current user's default context, if they marked one. */
	Optional<SavedContext> defaultContext();

}

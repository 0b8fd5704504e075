package dev.parley.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.parley.conversation.ConversationImports;
import dev.parley.conversation.ImportedConversation;
import dev.parley.importing.source.SourceConversation;
import dev.parley.importing.source.SourceFormat;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/**
 * Writes one conversation of a file into its owner's account, in one transaction with its
 * {@code conversation_imports} row, unless that owner imported it before. A conversation
 * is written whole or not at all.
 */
@Component
class ImportWriter {

	private final ConversationImports conversations;

	private final ImportClaimRepository claims;

	private final GroupCommit groupCommit;

	private final Clock clock;

	ImportWriter(ConversationImports conversations, ImportClaimRepository claims, GroupCommit groupCommit,
			Clock clock) {
		this.conversations = conversations;
		this.claims = claims;
		this.groupCommit = groupCommit;
		this.clock = clock;
	}

	/** Writes {@code conversation} for {@code owner}, or says why not. */
	Outcome write(Owner owner, SourceFormat source, SourceConversation conversation) {
		Optional<UUID> earlier = this.claims.find(owner.id(), source.id(), conversation.sourceId());
		if (earlier.isPresent()) {
			return new Outcome.AlreadyImported(earlier.get());
		}
		Instant now = Jdbc.now(this.clock);
		ImportedConversation imported;
		try {
			imported = new ImportedConversation(owner.id(), conversation.title(),
					owner.agentFor(conversation.agentId()), conversation.systemPrompt(), conversation.presetMessages(),
					conversation.pinned(), conversation.archived(), conversation.createdAt(),
					later(conversation.updatedAt(), conversation.createdAt()), now, conversation.messages(),
					conversation.tags());
		}
		catch (IllegalArgumentException ex) {
			return new Outcome.Invalid("invalid: " + ex.getMessage());
		}
		try {
			UUID id = this.groupCommit.execute((tx) -> {
				UUID written = this.conversations.write(imported);
				this.claims.insert(owner.id(), source.id(), conversation.sourceId(), written, now);
				return written;
			});
			return new Outcome.Written(id, imported.title(), imported.messages().size());
		}
		catch (DuplicateKeyException ex) {
			// imported meanwhile by a concurrent request: that one's conversation stays
			return new Outcome.AlreadyImported(
					this.claims.find(owner.id(), source.id(), conversation.sourceId()).orElse(null));
		}
		catch (ProblemException ex) {
			// refused by the conversation feature as a whole (too many tags): nothing
			// written
			return new Outcome.Invalid("invalid: " + ex.getMessage());
		}
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * Who imports, and the agents they may start from.
	 *
	 * @param id the owner of what is written
	 * @param visibleAgents the agents the owner may see; an imported conversation keeps
	 * its agent only if it is one of them
	 * @param defaultAgent the agent of every other imported conversation
	 */
	record Owner(String id, Set<UUID> visibleAgents, UUID defaultAgent) {

		UUID agentFor(@Nullable String agentId) {
			if (agentId == null) {
				return this.defaultAgent;
			}
			try {
				UUID named = UUID.fromString(agentId);
				return this.visibleAgents.contains(named) ? named : this.defaultAgent;
			}
			catch (IllegalArgumentException ex) {
				return this.defaultAgent;
			}
		}

	}

	/** What writing one conversation did. */
	sealed interface Outcome {

		/** Written as {@code conversationId}. */
		record Written(UUID conversationId, @Nullable String title, int messages) implements Outcome {
		}

		/** Imported before (null: deleted since, in a race). */
		record AlreadyImported(@Nullable UUID conversationId) implements Outcome {
		}

		/** Refused by the conversation's checks. */
		record Invalid(String reason) implements Outcome {
		}

	}

}

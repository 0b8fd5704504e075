package dev.parley.compat.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.compat.CompatProblem;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.OwnConversations;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.Page;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * The current user's session ids and their conversations. A session id's first use makes
 * its conversation and its row in one transaction: when two first uses race, the primary
 * key lets one row in, the other transaction rolls back (its conversation with it) and
 * uses the winner's. A conversation deleted any way takes its session rows with it
 * (foreign key), so the id's next use starts afresh.
 */
@Component
public class CompatSessions {

	/** How often a loser of a first-use race looks for the winner's committed row. */
	private static final int RACE_LOOKUPS = 100;

	private static final long RACE_LOOKUP_MILLIS = 20;

	private final CompatSessionRepository sessions;

	private final OwnConversations conversations;

	private final CurrentUser currentUser;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CompatSessions(CompatSessionRepository sessions, OwnConversations conversations, CurrentUser currentUser,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.sessions = sessions;
		this.conversations = conversations;
		this.currentUser = currentUser;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** The session, if the caller has used this id. */
	public Optional<CompatSession> find(String sessionId) {
		return this.sessions.find(this.currentUser.id(), sessionId);
	}

	/**
	 * The session.
	 * @throws ProblemException {@code session-not-found} when the caller never used the
	 * id (or its conversation was deleted)
	 */
	public CompatSession require(String sessionId) {
		return find(sessionId)
			.orElseThrow(() -> ProblemException.of(CompatProblem.SESSION_NOT_FOUND, "No session '" + sessionId + "'"));
	}

	/**
	 * The session of this id, made with a new conversation on its first use; with no id,
	 * a new session whose id is its new conversation's id.
	 */
	public Opened open(@Nullable String sessionId) {
		String owner = this.currentUser.id();
		if (sessionId == null) {
			return new Opened(inTransaction(() -> {
				Conversation conversation = this.conversations.create();
				CompatSession session = new CompatSession(conversation.id().toString(), conversation.id(),
						conversation.createdAt());
				this.sessions.insert(owner, session);
				return session;
			}), true);
		}
		Optional<CompatSession> existing = this.sessions.find(owner, sessionId);
		return existing.map((session) -> new Opened(session, false)).orElseGet(() -> create(owner, sessionId));
	}

	/**
	 * Undoes {@link #open} when it made the session and what it was opened for failed:
	 * the conversation (and so the session) is deleted, so a refused first message leaves
	 * nothing behind.
	 */
	public void discard(Opened opened) {
		if (opened.created()) {
			this.conversations.delete(opened.session().conversationId());
		}
	}

	/** A session opened, and whether this call made it. */
	public record Opened(CompatSession session, boolean created) {
	}

	/**
	 * A page of the caller's sessions, newest first.
	 * @param cursor the {@code next_cursor} of the page before, or null for the first
	 * @throws ProblemException 400 {@code invalid-cursor} for a cursor this list did not
	 * return
	 */
	public Page<CompatSession> page(int limit, @Nullable String cursor) {
		SessionCursor after = (cursor != null) ? SessionCursor.decode(cursor) : null;
		List<CompatSession> rows = this.sessions.page(this.currentUser.id(), after, limit + 1);
		return Page.of(rows, limit, (last) -> SessionCursor.after(last).encode());
	}

	/**
	 * The session ids of {@code ownerId} that name the conversations, in one query; a
	 * conversation without one is left out, and one named by several gets the first in
	 * order. Needs no current user (an export's writing thread calls it).
	 */
	public Map<UUID, String> sessionIdsOf(String ownerId, List<UUID> conversationIds) {
		return conversationIds.isEmpty() ? Map.of() : this.sessions.sessionIdsOf(ownerId, conversationIds);
	}

	/**
	 * Records that {@code replyId}, just started in the session, waits for the event
	 * stream that will deliver it; a reply offered before and not taken is dropped.
	 */
	public void offerStreamReply(CompatSession session, UUID replyId) {
		this.sessions.offerStreamReply(this.currentUser.id(), session.sessionId(), replyId, Jdbc.now(this.clock));
	}

	/**
	 * Takes the reply waiting for an event stream of {@code ownerId}'s session, if it was
	 * offered at or after {@code notBefore}; each reply is taken once. Needs no current
	 * user (an event stream's own thread calls it).
	 */
	public Optional<UUID> takeStreamReply(String ownerId, CompatSession session, Instant notBefore) {
		return this.sessions.takeStreamReply(ownerId, session.sessionId(), notBefore);
	}

	private Opened create(String owner, String sessionId) {
		try {
			return new Opened(inTransaction(() -> {
				Conversation conversation = this.conversations.create();
				CompatSession session = new CompatSession(sessionId, conversation.id(), conversation.createdAt());
				this.sessions.insert(owner, session);
				return session;
			}), true);
		}
		catch (DuplicateKeyException ex) {
			return new Opened(awaitWinner(owner, sessionId), false);
		}
	}

	/** The row of the first use that won the race, once it is committed. */
	private CompatSession awaitWinner(String owner, String sessionId) {
		for (int i = 0; i < RACE_LOOKUPS; i++) {
			Optional<CompatSession> winner = this.sessions.find(owner, sessionId);
			if (winner.isPresent()) {
				return winner.get();
			}
			try {
				Thread.sleep(RACE_LOOKUP_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw ProblemException.of(CommonProblem.INTERNAL, "The session '" + sessionId + "' could not be opened");
	}

	private CompatSession inTransaction(Supplier<CompatSession> work) {
		CompatSession session = this.transactions.execute((status) -> work.get());
		if (session == null) {
			throw ProblemException.of(CommonProblem.INTERNAL, "The session could not be opened");
		}
		return session;
	}

}

package dev.parley.support.visitor;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.support.SupportProblem;
import dev.parley.support.contact.Contact;
import dev.parley.support.contact.Contacts;
import dev.parley.support.inbox.Inbox;
import dev.parley.support.inbox.Inboxes;

/**
 * Visitors: registered through the widget (a new anonymous contact, or the contact of an
 * identifier the host site vouched for), and resolved from their token on each request.
 */
@Service
class Visitors {

	/** How far a chain of merged contacts is followed. */
	private static final int MAX_MERGE_HOPS = 8;

	private final VisitorRepository repository;

	private final VisitorTokens tokens;

	private final Inboxes inboxes;

	private final Contacts contacts;

	private final IdGenerator ids;

	private final TransactionOperations transactions;

	private final Clock clock;

	Visitors(VisitorRepository repository, VisitorTokens tokens, Inboxes inboxes, Contacts contacts, IdGenerator ids,
			TransactionOperations transactions, Clock clock) {
		this.repository = repository;
		this.tokens = tokens;
		this.inboxes = inboxes;
		this.contacts = contacts;
		this.ids = ids;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Who registered and the token that names them from now on. */
	record Registered(VisitorContext context, String token, boolean created) {
	}

	/** What a host site tells about its visitor. */
	record Identity(@Nullable String identifier, @Nullable String identifierHash, @Nullable String name,
			@Nullable String email) {
	}

	/**
	 * Registers a visitor of {@code inboxId}, or continues the visitor of {@code token}
	 * (of the same inbox): with an identifier, only when its hash is the inbox secret's
	 * HMAC of it, and then the visitor joins that identifier's contact, bringing the
	 * conversations it had as an anonymous visitor.
	 * @throws ProblemException {@code inbox-not-found}, {@code visitor-identity-invalid}
	 */
	Registered register(UUID inboxId, @Nullable String token, Identity identity) {
		Inbox inbox = this.inboxes.require(inboxId);
		String identifier = (identity.identifier() != null && !identity.identifier().isBlank())
				? identity.identifier().strip() : null;
		if (identifier != null && (identifier.length() > 200
				|| !VisitorTokens.identityVouched(inbox.hmacSecret(), identifier, identity.identifierHash()))) {
			throw ProblemException.of(SupportProblem.VISITOR_IDENTITY_INVALID,
					"identifier_hash is not the HMAC-SHA256 of the identifier with this inbox's secret");
		}
		VisitorContext existing = (token != null)
				? find(token).filter((c) -> c.inbox().id().equals(inboxId)).orElse(null) : null;
		return this.transactions.execute((tx) -> {
			Instant now = Jdbc.now(this.clock);
			if (existing != null && identifier == null) {
				this.repository.seen(existing.visitor().id(), now);
				return new Registered(existing, token, false);
			}
			if (existing != null) {
				Contact identified = this.contacts.identified(identifier, identity.name(), identity.email());
				Contact previous = existing.contact();
				if (!previous.id().equals(identified.id()) && previous.identifier() == null) {
					// An anonymous visitor logged in: their conversations join their
					// account.
					this.contacts.mergeInTransaction(identified, previous);
				}
				this.repository.identify(existing.visitor().id(), identified.id(), true, now);
				Visitor visitor = new Visitor(existing.visitor().id(), inboxId, identified.id(), true,
						existing.visitor().createdAt(), now);
				return new Registered(new VisitorContext(visitor, inbox, this.contacts.require(identified.id())), token,
						false);
			}
			Contact contact = (identifier != null)
					? this.contacts.identified(identifier, identity.name(), identity.email())
					: this.contacts.createAnonymous(identity.name(), identity.email());
			Visitor visitor = new Visitor(this.ids.next(), inboxId, contact.id(), identifier != null, now, now);
			this.repository.insert(visitor);
			return new Registered(new VisitorContext(visitor, inbox, contact), this.tokens.issue(visitor.id()), true);
		});
	}

	/**
	 * The visitor of a token (of {@code inboxId} when given).
	 * @throws ProblemException {@code visitor-token-invalid}
	 */
	VisitorContext require(@Nullable String token) {
		return find(token).orElseThrow(() -> ProblemException.of(SupportProblem.VISITOR_TOKEN_INVALID,
				"Send the visitor token the widget registered with in X-Visitor-Token"));
	}

	private Optional<VisitorContext> find(@Nullable String token) {
		UUID visitorId = this.tokens.verify(token);
		if (visitorId == null) {
			return Optional.empty();
		}
		return this.repository.find(visitorId).flatMap((visitor) -> {
			Contact contact = this.contacts.find(visitor.contactId()).orElse(null);
			for (int hop = 0; contact != null && contact.mergedInto() != null && hop < MAX_MERGE_HOPS; hop++) {
				contact = this.contacts.find(contact.mergedInto()).orElse(null);
			}
			if (contact == null) {
				return Optional.empty();
			}
			Inbox inbox = this.inboxes.find(visitor.inboxId()).orElse(null);
			return (inbox != null) ? Optional.of(new VisitorContext(visitor, inbox, contact)) : Optional.empty();
		});
	}

}

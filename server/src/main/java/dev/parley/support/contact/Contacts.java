package dev.parley.support.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.conversation.StaffConversations;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.Page;
import dev.parley.platform.audit.AuditLogRepository;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.support.KeysetCursor;
import dev.parley.support.SupportProblem;

/** Contacts: created for visitors, identified, edited, searched and merged. */
@Service
public class Contacts {

	/** The longest attributes object, as JSON. */
	static final int MAX_ATTRIBUTES_CHARS = 16_000;

	private final ContactRepository repository;

	private final StaffConversations conversations;

	private final IdGenerator ids;

	private final TransactionOperations transactions;

	private final AuditLogRepository audit;

	private final CurrentUser currentUser;

	private final JsonMapper json;

	private final Clock clock;

	Contacts(ContactRepository repository, StaffConversations conversations, IdGenerator ids,
			TransactionOperations transactions, AuditLogRepository audit, CurrentUser currentUser, JsonMapper json,
			Clock clock) {
		this.repository = repository;
		this.conversations = conversations;
		this.ids = ids;
		this.transactions = transactions;
		this.audit = audit;
		this.currentUser = currentUser;
		this.json = json;
		this.clock = clock;
	}

	/** A new anonymous contact (a first-time visitor), in the caller's transaction. */
	public Contact createAnonymous(@Nullable String name, @Nullable String email) {
		Instant now = Jdbc.now(this.clock);
		Contact contact = new Contact(this.ids.next(), trimmed(name, 200), trimmed(email, 254), null, null, Map.of(),
				null, now, now);
		this.repository.insert(contact);
		return contact;
	}

	/**
	 * The contact of a verified {@code identifier}, created when there is none, in the
	 * caller's transaction; {@code name} and {@code email} fill what it lacks.
	 */
	public Contact identified(String identifier, @Nullable String name, @Nullable String email) {
		Optional<Contact> existing = this.repository.findByIdentifier(identifier);
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = Jdbc.now(this.clock);
		Contact contact = new Contact(this.ids.next(), trimmed(name, 200), trimmed(email, 254), null, identifier,
				Map.of(), null, now, now);
		this.repository.insert(contact);
		return contact;
	}

	public Optional<Contact> find(UUID id) {
		return this.repository.find(id);
	}

	/**
	 * The contact.
	 * @throws ProblemException {@code contact-not-found}
	 */
	public Contact require(UUID id) {
		return this.repository.find(id)
			.orElseThrow(() -> ProblemException.of(SupportProblem.CONTACT_NOT_FOUND, "No contact " + id));
	}

	Page<Contact> search(@Nullable String query, @Nullable String cursor, int limit) {
		KeysetCursor after = (cursor != null) ? KeysetCursor.decode(cursor) : null;
		String q = (query != null && !query.isBlank()) ? query.strip() : null;
		return Page.of(this.repository.page(q, (after != null) ? after.at() : null, (after != null) ? after.id() : null,
				limit + 1), limit, (last) -> new KeysetCursor(last.updatedAt(), last.id()).encode());
	}

	Contact update(UUID id, ContactRequests.Update body) {
		Contact current = require(id);
		Map<String, Object> attributes = (body.attributes() != null) ? checkedAttributes(body.attributes())
				: current.attributes();
		Contact updated = new Contact(current.id(), (body.name() != null) ? trimmed(body.name(), 200) : current.name(),
				(body.email() != null) ? trimmed(body.email(), 254) : current.email(),
				(body.phone() != null) ? trimmed(body.phone(), 64) : current.phone(), current.identifier(), attributes,
				current.mergedInto(), current.createdAt(), Jdbc.now(this.clock));
		this.transactions.executeWithoutResult((tx) -> {
			this.repository.update(updated);
			this.audit.record(this.currentUser.id(), "support_contact.update", "support_contact", id.toString(), null);
		});
		return updated;
	}

	/**
	 * Merges {@code fromId} into {@code intoId}: its visitors, conversations and missing
	 * details move to the survivor, and it is marked merged (a returning visitor of it
	 * continues as the survivor).
	 */
	public Contact merge(UUID intoId, UUID fromId) {
		if (intoId.equals(fromId)) {
			throw ProblemException.invalid("from_contact_id", "is the contact itself");
		}
		return this.transactions.execute((tx) -> mergeInTransaction(require(intoId), require(fromId)));
	}

	/** {@link #merge} in the caller's transaction. */
	public Contact mergeInTransaction(Contact into, Contact from) {
		if (from.mergedInto() != null) {
			throw ProblemException.invalid("from_contact_id", "was merged into " + from.mergedInto() + " already");
		}
		Instant now = Jdbc.now(this.clock);
		Map<String, Object> attributes = new LinkedHashMap<>(from.attributes());
		attributes.putAll(into.attributes());
		Contact survivor = new Contact(into.id(), (into.name() != null) ? into.name() : from.name(),
				(into.email() != null) ? into.email() : from.email(),
				(into.phone() != null) ? into.phone() : from.phone(), into.identifier(), attributes, null,
				into.createdAt(), now);
		// The merged contact gives up its identifier (unique) before the survivor may
		// take it.
		this.repository.update(new Contact(from.id(), from.name(), from.email(), from.phone(), null, from.attributes(),
				into.id(), from.createdAt(), now));
		this.repository.update((survivor.identifier() == null && from.identifier() != null)
				? new Contact(survivor.id(), survivor.name(), survivor.email(), survivor.phone(), from.identifier(),
						survivor.attributes(), null, survivor.createdAt(), now)
				: survivor);
		this.repository.reassign(from.id(), into.id());
		this.conversations.transferOwner(from.ownerId(), into.ownerId());
		this.audit.record(actor(), "support_contact.merge", "support_contact", into.id().toString(),
				"merged " + from.id());
		return require(into.id());
	}

	private String actor() {
		try {
			return this.currentUser.id();
		}
		catch (RuntimeException ex) {
			return "system";
		}
	}

	private Map<String, Object> checkedAttributes(Map<String, Object> attributes) {
		if (this.json.writeValueAsString(attributes).length() > MAX_ATTRIBUTES_CHARS) {
			throw ProblemException.invalid("attributes", "at most " + MAX_ATTRIBUTES_CHARS + " characters as JSON");
		}
		return attributes;
	}

	private static @Nullable String trimmed(@Nullable String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
	}

}
